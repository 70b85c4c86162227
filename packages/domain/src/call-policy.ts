/** The fields the call-next policy looks at. */
export interface QueuedVisit {
  id: string;
  queueId: string;
  priority: number;
  checkedInAt: string;
}

/** Higher priority first, then the longest wait (original check-in time), then id for a stable order. */
export function compareForCalling(a: QueuedVisit, b: QueuedVisit): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.checkedInAt !== b.checkedInAt) return a.checkedInAt < b.checkedInAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Chooses whom a technician serving `queueIds` calls next, or null when nobody waits in those queues. */
export function pickNextVisit<V extends QueuedVisit>(waiting: readonly V[], queueIds: readonly string[]): V | null {
  let best: V | null = null;
  for (const visit of waiting) {
    if (!queueIds.includes(visit.queueId)) continue;
    if (best === null || compareForCalling(visit, best) < 0) best = visit;
  }
  return best;
}
