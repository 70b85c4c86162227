import { isOpenAt, type OpeningHours } from '../opening-hours.ts';
import type { EstimatorTechnician } from './estimator-types.ts';

/**
 * A queue nobody can serve now: the site is closed, or no technician on duty (available) serves it.
 * A typed state, not "no estimate yet": the visitor is told before joining, the display says so and
 * staff are alerted for the people stranded there.
 */
export interface NobodyServing {
  reason: 'closed' | 'no_technician';
  /** When someone is expected: the earliest return from a break, or the next opening; null if unknown. */
  backAt: string | null;
}

/** The queues of `queueIds` nobody serves now, with when someone is expected back. */
export function queuesNobodyServes(
  queueIds: readonly string[],
  technicians: readonly Pick<EstimatorTechnician, 'status' | 'queueIds' | 'returnsAtMs'>[],
  site: { open: boolean; reopensAtMs: number | null },
): Record<string, NobodyServing> {
  const result: Record<string, NobodyServing> = {};
  for (const queueId of queueIds) {
    if (!site.open) {
      result[queueId] = { reason: 'closed', backAt: site.reopensAtMs === null ? null : new Date(site.reopensAtMs).toISOString() };
      continue;
    }
    const serving = technicians.filter((t) => t.queueIds.includes(queueId));
    if (serving.some((t) => t.status === 'available')) continue;
    const returns = serving.flatMap((t) => (t.status === 'break' && t.returnsAtMs !== undefined ? [t.returnsAtMs] : []));
    result[queueId] = { reason: 'no_technician', backAt: returns.length > 0 ? new Date(Math.min(...returns)).toISOString() : null };
  }
  return result;
}

const stepMs = 5 * 60_000;
const horizonMs = 8 * 86_400_000;

/** The next instant the site opens after `from` (to 5 minutes), or null if it never does within 8 days. */
export function nextOpeningAt(hours: OpeningHours, from: Date, timeZone: string): Date | null {
  const start = Math.ceil(from.getTime() / stepMs) * stepMs;
  for (let at = start; at <= from.getTime() + horizonMs; at += stepMs) {
    if (isOpenAt(hours, new Date(at), timeZone)) return new Date(at);
  }
  return null;
}
