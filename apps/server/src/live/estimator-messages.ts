import type { ActiveVisitView, PresenceStatus, SiteEvent, WaitEstimate } from '@walkup/domain';

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
  utcOffsetMinutes: number;
}

/** What one estimate needs: the site's kept view (its visits in the view's own shape) and configuration. */
export interface EstimateInputs {
  siteId: string;
  seq: number;
  nowMs: number;
  open: boolean;
  queueIds: string[];
  technicianQueues: Array<[technicianId: string, queueIds: string[]]>;
  presence: Array<{ technicianId: string; status: PresenceStatus }>;
  visits: Array<Pick<ActiveVisitView, 'id' | 'queueId' | 'categoryId' | 'priority' | 'state' | 'checkedInAt' | 'calledAt' | 'technicianId'>>;
}

export interface EstimateResult {
  queues: Record<string, WaitEstimate | null>;
  visits: Record<string, WaitEstimate | null>;
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
