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

export interface ReaderCursorsTable {
  name: string;
  last_event_id: number;
  updated_at: Generated<string>;
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
}

export type VisitRow = Selectable<VisitsTable>;
export type NewVisitRow = Insertable<VisitsTable>;
export type EventRow = Selectable<EventsTable>;
