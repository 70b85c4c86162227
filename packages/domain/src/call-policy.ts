import { isPresentForCalling, type OnTheWayRules, type ArrivalState } from './on-the-way.ts';

/** The fields the call-next policy looks at. */
export interface QueuedVisit {
  id: string;
  queueId: string;
  priority: number;
  checkedInAt: string;
  /**
   * Where the visit stands in the call order when that is not its check-in time: an appointment is
   * placed to reach the front near its booked time (appointments/appointment-arrival.ts).
   */
  callOrderAt?: string | null;
}

/** The time a visit is ordered by: its place in the call order, by default its check-in. */
export function callOrderTime(visit: QueuedVisit): string {
  return visit.callOrderAt ?? visit.checkedInAt;
}

/** How a site orders its queues. Without options: strict priority, walkup's own policy. */
export interface CallPolicy {
  /**
   * When set, priority buys a head start instead of strict precedence: each priority level counts as
   * having checked in this many seconds earlier. Why: call centres (the bank data the estimator is
   * benchmarked on) let a high-priority caller skip about 90 s of queue, not the whole queue.
   */
  priorityHeadStartSeconds?: number;
}

/**
 * Higher priority first, then the longest wait (check-in time, or an appointment's place), then id.
 * With a head start, the check-in time less the head start decides, then priority, then id.
 */
export function compareForCalling(a: QueuedVisit, b: QueuedVisit, policy?: CallPolicy): number {
  const headStart = policy?.priorityHeadStartSeconds;
  if (headStart !== undefined) {
    const aAt = Date.parse(callOrderTime(a)) - a.priority * headStart * 1000;
    const bAt = Date.parse(callOrderTime(b)) - b.priority * headStart * 1000;
    if (aAt !== bAt) return aAt - bAt;
  }
  if (a.priority !== b.priority) return b.priority - a.priority;
  const aAt = callOrderTime(a);
  const bAt = callOrderTime(b);
  if (aAt !== bAt) return aAt < bAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Chooses whom a technician serving `queueIds` calls next, or null when nobody waits in those queues. */
export function pickNextVisit<V extends QueuedVisit>(waiting: readonly V[], queueIds: readonly string[], policy?: CallPolicy): V | null {
  let best: V | null = null;
  for (const visit of waiting) {
    if (!queueIds.includes(visit.queueId)) continue;
    if (best === null || compareForCalling(visit, best, policy) < 0) best = visit;
  }
  return best;
}

/** A waiting visitor who asked for more time is skipped by call-next until then, never dropped. */
export interface StepAwayState {
  /** ISO time until which the visitor is away, or null when present. */
  awayUntil?: string | null;
}

/** Whether call-next may pick this visitor now: present, or their extra time is over. */
export function isCallableNow(visit: StepAwayState, nowMs: number): boolean {
  return !visit.awayUntil || Date.parse(visit.awayUntil) <= nowMs;
}

/**
 * The next visitor among those callable now: the same order as `pickNextVisit`, stepping over
 * anyone away and, by the site's rules, anyone still on the way (both keep their place and come
 * first again once there).
 */
export function pickNextCallableVisit<V extends QueuedVisit & StepAwayState & ArrivalState>(
  waiting: readonly V[],
  queueIds: readonly string[],
  nowMs: number,
  policy?: CallPolicy,
  onTheWayRules?: OnTheWayRules,
): V | null {
  return pickNextVisit(
    waiting.filter((visit) => isCallableNow(visit, nowMs) && isPresentForCalling(visit, onTheWayRules)),
    queueIds,
    policy,
  );
}
