import type { EstimatorTechnician } from '@walkup/domain';
import type { QueueHistory } from './queue-history.ts';

/** What a baseline sees about one waiting visitor at one moment. */
export interface BaselineContext {
  nowMs: number;
  queueId: string;
  /** Seconds this visitor has waited so far. */
  elapsed: number;
  /** 1-based place in the queue's calling order. */
  position: number;
  /** Seconds waited by the visitor at the head of this queue (may be this visitor). */
  headOfLineElapsed: number;
  technicians: readonly EstimatorTechnician[];
  history: QueueHistory;
}

export interface Baseline {
  name: string;
  /** Predicted seconds still to wait. */
  remaining: (context: BaselineContext) => number;
}

const activeWindowMs = 30 * 60_000;

/** Baselines that predict the whole wait give "what is left of it" once someone has waited. */
function totalWait(predict: (c: BaselineContext) => number): (c: BaselineContext) => number {
  return (c) => Math.max(0, predict(c) - c.elapsed);
}

function busyServing(c: BaselineContext): number {
  return c.technicians.filter((t) => t.status === 'available' && t.current !== null && t.queueIds.includes(c.queueId)).length;
}

/**
 * Technicians who called anyone, from any queue, in the last 30 minutes. Counting only those who took
 * this queue was measured too and is worse on the bank data (95 s against 81 s RMSE from 1999-02-08),
 * so the baseline gets the stronger reading.
 */
function activeLately(c: BaselineContext): number {
  const ids = new Set<string>();
  for (const calls of c.history.lastCallBy.values()) for (const [id, at] of calls) if (c.nowMs - at <= activeWindowMs) ids.add(id);
  return ids.size;
}

export const baselines: readonly Baseline[] = [
  { name: 'constant (queue mean)', remaining: totalWait((c) => c.history.meanWait(c.queueId)) },
  { name: 'length x service / busy', remaining: (c) => (c.position * c.history.meanService(c.queueId)) / Math.max(1, busyServing(c)) },
  { name: 'length x service / active 30 min', remaining: (c) => (c.position * c.history.meanService(c.queueId)) / Math.max(1, activeLately(c)) },
  {
    name: 'mean of last 20 waits',
    remaining: totalWait((c) => {
      const last = c.history.lastWaits(c.queueId, 20);
      return last.length === 0 ? 0 : last.reduce((s, x) => s + x, 0) / last.length;
    }),
  },
  { name: 'last to enter service', remaining: totalWait((c) => c.history.lastWaits(c.queueId, 1)[0] ?? 0) },
  { name: 'head of line', remaining: totalWait((c) => c.headOfLineElapsed) },
];
