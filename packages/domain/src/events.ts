import type { VisitorIdentity } from './visit.ts';

export type PresenceStatus = 'available' | 'break' | 'off';
export type ItsmSyncState = 'pending' | 'synced' | 'retrying' | 'failed';

/**
 * The one typed map of everything that can happen at a site. Every change is appended to the event
 * log in the same transaction as the state change; live updates, ITSM sync, wait estimation and
 * statistics all read it by sequence number.
 */
export interface SiteEventMap {
  'visit.checked_in': {
    queueId: string;
    categoryId: string;
    ticketNumber: string;
    priority: number;
    checkedInAt: string;
    visitor: VisitorIdentity;
    note: string | null;
    /** Set when the visitor came for a booking: their place in the call order and the booking. */
    callOrderAt?: string | null;
    appointmentId?: string | null;
    appointmentAt?: string | null;
    /** Set when the visitor checked in from a link or a poster and is not at the site yet. */
    onTheWay?: boolean;
  };
  /** A visitor on the way arrived: "I'm here" on their phone, or identified at the kiosk. */
  'visit.arrived': { via: 'phone' | 'kiosk' };
  'visit.called': { deskId: string; technicianId: string; outOfOrder: boolean };
  'visit.recalled': { deskId: string; technicianId: string; callCount: number };
  'visit.started': { deskId: string; technicianId: string };
  'visit.transferred': { fromQueueId: string; toQueueId: string; reason: string | null; technicianId: string | null };
  'visit.escalated': { group: string; note: string | null; technicianId: string | null };
  'visit.resolved': { note: string; technicianId: string | null };
  'visit.no_show': { technicianId: string | null };
  'visit.cancelled': { reason: string | null };
  'visit.itsm_synced': { state: ItsmSyncState; ticketNumber: string | null; ticketUrl: string | null; error: string | null };
  'technician.presence_changed': { technicianId: string; deskId: string | null; status: PresenceStatus };
  // Appointments carry no personal data: the booking row holds it, erased with the person.
  'appointment.booked': { appointmentId: string; queueId: string; categoryId: string; startsAt: string; endsAt: string; bookedBy: 'visitor' | 'staff' };
  'appointment.rescheduled': { appointmentId: string; startsAt: string; endsAt: string };
  'appointment.cancelled': { appointmentId: string; reason: 'visitor' | 'staff' | 'closure' };
  'appointment.no_show': { appointmentId: string };
  /** The visitor asked for more time: skipped by call-next until `awayUntil`, keeping their place. */
  'visit.stepped_away': { awayUntil: string; minutes: number };
  /** The visitor is back before their extra time ran out (callable again at once). */
  'visit.returned': Record<string, never>;
  /** The visitor rated the visit after it ended: 1 = unhappy, 2 = neutral, 3 = happy. */
  'visit.feedback_given': { score: 1 | 2 | 3; comment: string | null; technicianId: string | null; categoryId: string };
  /**
   * A no-show came back within the site's grace window: waiting again with its original check-in
   * time. Carries what a screen needs to show the visit again (it left the view at the no-show).
   */
  'visit.rejoined': {
    queueId: string;
    categoryId: string;
    ticketNumber: string;
    priority: number;
    checkedInAt: string;
    callCount: number;
    awayMinutes: number;
    visitor: VisitorIdentity;
    note: string | null;
    itsm: { state: ItsmSyncState; ticketNumber: string | null; ticketUrl: string | null; error: string | null };
  };
  /** A short message to everyone waiting at the site; `visitId` is null. Nothing personal. */
  'site.broadcast_posted': { message: string; expiresAt: string };
  'site.broadcast_cleared': Record<string, never>;
  /**
   * An admin changed the site's configuration. Screens refetch the configuration when they see it;
   * the queues and desks in it are the site's new ones, so live views follow without a refetch.
   */
  'site.config_changed': SiteConfigChange;
}

export interface SiteConfigChange {
  /** What changed, e.g. `queue.created`, `category.renamed`, `closure.added`. */
  change: string;
  /** Id of what changed (a queue, a category...), or null for the site itself. */
  target: string | null;
  /** Who made the change (the audit log's actor label); public screens get an empty string. */
  by: string;
  queues: Array<{ id: string; prefix: string; name: Record<string, string> }>;
  desks: Array<{ id: string; name: string }>;
}

export type SiteEventType = keyof SiteEventMap;

export type SiteEvent = {
  [K in SiteEventType]: {
    siteId: string;
    /** Per-site sequence number: gap-free, starting at 1. */
    seq: number;
    type: K;
    visitId: string | null;
    at: string;
    data: SiteEventMap[K];
  };
}[SiteEventType];

export type SiteEventOf<K extends SiteEventType> = Extract<SiteEvent, { type: K }>;

/** Event types that end a visit. */
export const visitEndingEvents = ['visit.resolved', 'visit.escalated', 'visit.no_show', 'visit.cancelled'] as const;
