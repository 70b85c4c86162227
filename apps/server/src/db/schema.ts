import type { Generated, Insertable, Selectable } from 'kysely';

/** Row types: what the tables hold. Domain types stay apart; mappers convert between them. */
export interface SitesTable {
  id: string;
  name: string;
  time_zone: string;
  default_language: string;
  /** JSON array of language codes. */
  languages: string;
  /** JSON OpeningHours. */
  opening_hours: string;
  show_names_on_display: number;
  no_show_grace_seconds: number;
  /** JSON array of group names. */
  escalation_groups: string;
  event_seq: number;
}

export interface QueuesTable {
  id: string;
  site_id: string;
  prefix: string;
  /** JSON LocalizedText. */
  name: string;
  sort_order: number;
  itsm_assignment_group: string | null;
}

export interface CategoriesTable {
  id: string;
  site_id: string;
  parent_id: string | null;
  label: string;
  icon: string;
  queue_id: string | null;
  priority: number;
  expected_service_seconds: number;
  itsm_category: string | null;
  itsm_subcategory: string | null;
  itsm_assignment_group: string | null;
  sort_order: number;
  /** Appointment length when not the expected service time. */
  appointment_minutes: number | null;
}

export interface DesksTable {
  id: string;
  site_id: string;
  name: string;
  sort_order: number;
}

export interface TechniciansTable {
  id: string;
  name: string;
  email: string | null;
}

export interface TechnicianQueuesTable {
  technician_id: string;
  queue_id: string;
}

export interface TechnicianPresenceTable {
  technician_id: string;
  site_id: string;
  desk_id: string | null;
  status: string;
  since: string;
}

export interface DirectoryPeopleTable {
  id: string;
  name: string;
  email: string | null;
  employee_id: string | null;
  badge_id: string | null;
}

export interface VisitsTable {
  id: string;
  site_id: string;
  queue_id: string;
  category_id: string;
  ticket_number: string;
  service_day: string;
  priority: number;
  state: string;
  visitor_kind: string;
  visitor_name: string | null;
  visitor_email: string | null;
  visitor_employee_id: string | null;
  visitor_badge_id: string | null;
  note: string | null;
  checked_in_at: string;
  called_at: string | null;
  started_at: string | null;
  ended_at: string | null;
  desk_id: string | null;
  technician_id: string | null;
  call_count: number;
  estimate_at_join_seconds: number | null;
  estimate_at_join_low: number | null;
  estimate_at_join_high: number | null;
  itsm_state: string;
  itsm_remote_id: string | null;
  itsm_ticket_number: string | null;
  itsm_ticket_url: string | null;
  itsm_error: string | null;
  /** Place in the call order when not the check-in time (an appointment). */
  call_order_at: string | null;
  appointment_id: string | null;
  /** The booked start of that appointment. */
  appointment_at: string | null;
  /** Set while the visitor stepped away (call-next skips them until then). */
  away_until: Generated<string | null>;
  /** Extra minutes granted so far, against the site's limit. */
  away_minutes: Generated<number>;
  /** 1 while a visitor who checked in remotely has not arrived yet (migration 2026-12-01T1000). */
  on_the_way: Generated<number>;
  /** Migration 2026-12-01T0600-admin-config: the labels the visit was checked in with (JSON LocalizedText). */
  category_label: string | null;
  queue_name: string | null;
  /** Migration 2026-12-01T1000: the language the visitor used at the kiosk; null means the site's default. */
  visitor_language: Generated<string | null>;
}

export interface TicketCountersTable {
  queue_id: string;
  service_day: string;
  last_number: number;
}

export interface EventsTable {
  id: Generated<number>;
  site_id: string;
  seq: number;
  type: string;
  visit_id: string | null;
  at: string;
  /** JSON of the event's data. */
  data: string;
}

/** The kiosk that created a visit (only kiosk check-ins have a row). */
export interface KioskCheckInsTable {
  visit_id: string;
  device_id: string;
  checked_in_at: string;
}

export interface ReaderCursorsTable {
  name: string;
  last_event_id: number;
  updated_at: Generated<string>;
}

export interface AppointmentSettingsTable {
  site_id: string;
  book_ahead_days: number;
  cutoff_minutes: number;
  late_grace_seconds: number;
  max_advance_seconds: number;
  reminder_minutes: number;
  /** 'booking' or 'arrival'. */
  itsm_ticket_at: string;
}

export interface AppointmentCapacityTable {
  queue_id: string;
  per_hour: number;
}

export interface AppointmentsTable {
  id: string;
  site_id: string;
  queue_id: string;
  category_id: string;
  starts_at: string;
  ends_at: string;
  hour_key: string;
  place: number | null;
  state: string;
  visitor_name: string | null;
  visitor_email: string | null;
  visitor_employee_id: string | null;
  language: string;
  booked_by: string;
  manage_token_hash: string;
  check_in_code: string;
  visit_id: string | null;
  reminder_sent_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AppointmentRequestsTable {
  token_hash: string;
  site_id: string;
  category_id: string;
  starts_at: string;
  visitor_name: string;
  visitor_email: string;
  language: string;
  expires_at: string;
  used_at: string | null;
}

/** A visit's personal phone link; only the token's SHA-256 is stored. */
export interface VisitorLinksTable {
  id: string;
  visit_id: string;
  site_id: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

/** At most one feedback per visit; the `visit.feedback_given` event carries the details. */
export interface VisitFeedbackTable {
  visit_id: string;
  site_id: string;
  score: number;
  given_at: string;
}

/** A token that gives one resolved visit's feedback and nothing else (closing email, kiosk). */
export interface FeedbackLinksTable {
  token_hash: string;
  visit_id: string;
  site_id: string;
  purpose: 'email' | 'kiosk';
  created_at: string;
  expires_at: string;
}

/** What a site allows visitors away from the kiosk; no row means the defaults. */
export interface SiteVisitorSettingsTable {
  site_id: string;
  step_away_limit_minutes: number;
  /** Minutes after a no-show to rejoin at the front; 0 = off. */
  rejoin_grace_minutes: Generated<number>;
  /** 1 when visitors may check in from a link or a QR poster. */
  remote_check_in: Generated<number>;
  /** 1 when call-next waits for remote visitors to arrive. */
  call_only_arrived: Generated<number>;
  /** Minutes before their estimated turn that visitors on the way are told to come over. */
  remote_notify_minutes: Generated<number>;
  /** 'email', 'sso' or 'sso_or_email': how visitors away from the kiosk identify. */
  visitor_identification: Generated<string>;
  updated_at: string;
}

/** A remote check-in waiting for its one-time link to be opened; only the token's hash is kept. */
export interface RemoteCheckInRequestsTable {
  token_hash: string;
  site_id: string;
  category_id: string;
  visitor_name: string;
  visitor_email: string;
  language: string;
  expires_at: string;
  used_at: string | null;
}

/** A visitor back from single sign-on, until one check-in or booking uses it. */
export interface VisitorSsoIdentitiesTable {
  token_hash: string;
  site_id: string;
  /** 'check-in' or 'booking': the page that started the sign-in, and the one action it allows. */
  purpose: string;
  subject: string;
  visitor_name: string;
  visitor_email: string | null;
  visitor_employee_id: string | null;
  expires_at: string;
  used_at: string | null;
}

/** The latest estimates of a site, as the instance computing them published them (several instances on PostgreSQL). */
export interface PublishedEstimatesTable {
  site_id: string;
  version: number;
  seq: number;
  /** JSON of the estimates (protocol EstimatesPayload). */
  estimates: string;
  published_at: string;
}

/** The message a site currently shows everyone waiting; the log keeps the history. */
export interface SiteBroadcastsTable {
  site_id: string;
  message: string;
  posted_at: string;
  expires_at: string;
}

export interface Database {
  sites: SitesTable;
  queues: QueuesTable;
  categories: CategoriesTable;
  desks: DesksTable;
  technicians: TechniciansTable;
  technician_queues: TechnicianQueuesTable;
  technician_presence: TechnicianPresenceTable;
  directory_people: DirectoryPeopleTable;
  visits: VisitsTable;
  ticket_counters: TicketCountersTable;
  events: EventsTable;
  reader_cursors: ReaderCursorsTable;
  appointment_settings: AppointmentSettingsTable;
  appointment_capacity: AppointmentCapacityTable;
  appointments: AppointmentsTable;
  appointment_requests: AppointmentRequestsTable;
  kiosk_check_ins: KioskCheckInsTable;
  visitor_links: VisitorLinksTable;
  visit_feedback: VisitFeedbackTable;
  feedback_links: FeedbackLinksTable;
  site_visitor_settings: SiteVisitorSettingsTable;
  remote_check_in_requests: RemoteCheckInRequestsTable;
  visitor_sso_identities: VisitorSsoIdentitiesTable;
  published_estimates: PublishedEstimatesTable;
  site_broadcasts: SiteBroadcastsTable;
}

export type VisitRow = Selectable<VisitsTable>;
export type NewVisitRow = Insertable<VisitsTable>;
export type EventRow = Selectable<EventsTable>;
export type AppointmentRow = Selectable<AppointmentsTable>;
