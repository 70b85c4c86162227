import type { DurationDistribution } from './duration-distribution.ts';
import type { EstimatorInput } from './estimator-types.ts';

/** A technician as the sampler sees them, with times in seconds from now. */
export interface PreparedSlot {
  queues: readonly number[];
  /** Draws when this technician can call someone first. */
  firstFreeAt: (random: () => number) => number;
  offAtSeconds: number;
  appointments: ReadonlyArray<{ startSeconds: number; seconds: number }>;
}

/**
 * Turns on-duty technicians into slots. Someone already in service is not "free in mean minus elapsed":
 * the remaining time is drawn from the service distribution given the time already spent, which for
 * skewed services means a visit that has run long is likely to run longer still.
 */
export function prepareSlots(
  input: EstimatorInput,
  queueIndex: ReadonlyMap<string, number>,
  service: (categoryId: string) => DurationDistribution,
): PreparedSlot[] {
  const slots: PreparedSlot[] = [];
  for (const technician of input.technicians) {
    const returnsIn = technician.status === 'break' && technician.returnsAtMs !== undefined ? (technician.returnsAtMs - input.nowMs) / 1000 : null;
    if (technician.status !== 'available' && returnsIn === null) continue;
    const queues = technician.queueIds.map((id) => queueIndex.get(id)).filter((q): q is number => q !== undefined);
    if (queues.length === 0) continue;
    const current = technician.current;
    const readyIn = Math.max(0, returnsIn ?? 0);
    const delay = input.pickupDelay;
    const idleFor = returnsIn === null && technician.freeSinceMs !== undefined ? Math.max(0, (input.nowMs - technician.freeSinceMs) / 1000) : 0;
    let firstFreeAt = (random: () => number) => readyIn + (delay ? delay.remaining(idleFor, random()) : 0);
    if (current) {
      const elapsed = Math.max(0, (input.nowMs - current.sinceMs) / 1000);
      const distribution = service(current.categoryId);
      firstFreeAt = (random) => readyIn + distribution.remaining(elapsed, random()) + (delay ? delay.remaining(0, random()) : 0);
    }
    const appointments = technicianAppointments(input, technician.id);
    const offAtSeconds = technician.offAtMs === undefined ? Infinity : (technician.offAtMs - input.nowMs) / 1000;
    slots.push({ queues, firstFreeAt, offAtSeconds, appointments });
  }
  return slots;
}

/** A technician's appointments not over yet, in seconds from now, in start order. */
export function technicianAppointments(input: Pick<EstimatorInput, 'appointments' | 'nowMs'>, technicianId: string): Array<{ startSeconds: number; seconds: number }> {
  return (input.appointments ?? [])
    .filter((a) => a.technicianId === technicianId)
    .map((a) => ({ startSeconds: (a.startMs - input.nowMs) / 1000, seconds: a.expectedSeconds }))
    .filter((a) => a.startSeconds + a.seconds > 0)
    .sort((a, b) => a.startSeconds - b.startSeconds);
}
