/** The fields the call-next policy looks at. */
export interface QueuedVisit {
  id: string;
  queueId: string;
  priority: number;
  checkedInAt: string;
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
 * Higher priority first, then the longest wait (original check-in time), then id for a stable order.
 * With a head start, the check-in time less the head start decides, then priority, then id.
 */
export function compareForCalling(a: QueuedVisit, b: QueuedVisit, policy?: CallPolicy): number {
  const headStart = policy?.priorityHeadStartSeconds;
  if (headStart !== undefined) {
    const aAt = Date.parse(a.checkedInAt) - a.priority * headStart * 1000;
    const bAt = Date.parse(b.checkedInAt) - b.priority * headStart * 1000;
    if (aAt !== bAt) return aAt - bAt;
  }
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.checkedInAt !== b.checkedInAt) return a.checkedInAt < b.checkedInAt ? -1 : 1;
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
