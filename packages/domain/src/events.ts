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
  };
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
