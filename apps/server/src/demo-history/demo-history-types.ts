import type { SiteEventMap, SiteEventType, VisitorIdentity } from '@walkup/domain';

/** What the plan needs of the site: its configuration as loaded from the seed. */
export interface DemoHistorySite {
  timeZone: string;
  noShowGraceSeconds: number;
  escalationGroups: string[];
  queues: Array<{ id: string; prefix: string }>;
  /** Leaf categories only (those a visitor can pick). */
  categories: Array<{ id: string; queueId: string; priority: number; expectedServiceSeconds: number }>;
  deskIds: string[];
  technicians: Array<{ id: string; queueIds: string[] }>;
}

export type PlannedEvent = { [K in SiteEventType]: { atMs: number; type: K; visitId: string | null; data: SiteEventMap[K] } }[SiteEventType];

/** A past visit's row as the use cases would have left it once it ended. */
export interface PlannedVisit {
  id: string;
  queueIdAtCheckIn: string;
  categoryId: string;
  priority: number;
  ticketNumber: string;
  serviceDay: string;
  visitor: VisitorIdentity;
  checkedInAtMs: number;
  estimateSeconds: number | null;
  /** Filled in as the day is played. */
  end: { state: 'resolved' | 'escalated' | 'no_show' | 'cancelled'; queueId: string; calledAtMs: number | null; startedAtMs: number | null; endedAtMs: number; deskId: string | null; technicianId: string | null; callCount: number } | null;
  feedback: { score: 1 | 2 | 3; atMs: number } | null;
}

export interface DemoHistoryPlan {
  /** Every event, in time order. */
  events: PlannedEvent[];
  visits: PlannedVisit[];
  /** The last ticket counter taken per queue and service day. */
  ticketCounters: Array<{ queueId: string; serviceDay: string; lastNumber: number }>;
}
