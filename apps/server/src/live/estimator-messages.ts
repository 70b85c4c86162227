import type { ActiveVisitView, BookedAhead, NobodyServing, PresenceStatus, SiteEvent, WaitEstimate } from '@walkup/domain';

/**
 * What the estimator thread is told and answers. Everything is plain data, so the same messages
 * cross a worker boundary (structured clone) or stay in process unchanged.
 */

/** The configuration a site's learner starts from (functions cannot cross threads; maps as entries). */
export interface LearnerSetup {
  siteId: string;
  categoryServiceSeconds: Array<[categoryId: string, seconds: number]>;
  queueServiceSeconds: Array<[queueId: string, seconds: number]>;
  technicianQueues: Array<[technicianId: string, queueIds: string[]]>;
  /** The site's time zone: the learner reads local time per instant (one offset frozen at start was an hour off across a DST change). */
  timeZone: string;
}

/** What one estimate needs: the site's kept view (its visits in the view's own shape) and configuration. */
export interface EstimateInputs {
  siteId: string;
  seq: number;
  nowMs: number;
  open: boolean;
  /** When a closed site opens next (null when open, or never within a week). */
  reopensAtMs: number | null;
  queueIds: string[];
  technicianQueues: Array<[technicianId: string, queueIds: string[]]>;
  presence: Array<{ technicianId: string; status: PresenceStatus }>;
  /** Bookings of the coming hour whose person has not arrived yet (absent: none). */
  bookedAhead?: BookedAhead[];
  visits: Array<Pick<ActiveVisitView, 'id' | 'queueId' | 'categoryId' | 'priority' | 'state' | 'checkedInAt' | 'callOrderAt' | 'calledAt' | 'technicianId'>>;
}

export interface EstimateResult {
  queues: Record<string, WaitEstimate | null>;
  visits: Record<string, WaitEstimate | null>;
  nobodyServing: Record<string, NobodyServing>;
  /** Time this estimate took the estimator, in ms: what the estimate service paces recomputes by. */
  busyMs: number;
}

export type EstimatorRequest =
  /** Creates the site's learner from its recent events (replaces one a crashed thread lost). */
  | { type: 'warm'; setup: LearnerSetup; events: SiteEvent[] }
  /** Committed events in order; sites without a learner and events already seen are skipped. */
  | { type: 'observe'; events: SiteEvent[] }
  | { type: 'estimate'; id: number; inputs: EstimateInputs };

export type EstimatorReply = { id: number; ok: true; result: EstimateResult } | { id: number; ok: false; error: string };
