import type { EstimatorAppointment, EstimatorTechnician } from '../estimation/estimator-types.ts';

/** A booking whose person has not arrived yet: it will take a technician of its queue near its start. */
export interface BookedAhead {
  queueId: string;
  categoryId: string;
  startMs: number;
  /** The slot's length; the estimator uses the category's learned service time instead when it has one. */
  expectedSeconds: number;
}

/**
 * Gives each booking ahead to the technician of its queue who is free soonest at its start (on a tie,
 * the one serving fewer queues, then the one with fewer bookings), so the estimator keeps that technician's time for it and walk-ins are told
 * the wait the bookings will really cause. walkup books per queue, not per technician: this only
 * spreads the bookings the way call-next will. Technicians who are off take none; a booking no one
 * on duty can serve is left out (nobody will serve it either).
 */
export function assignBookedAhead(
  booked: readonly BookedAhead[],
  technicians: readonly EstimatorTechnician[],
  /** The category's learned service time: a booking takes about that (a slot is often longer). */
  serviceSeconds?: (categoryId: string) => number,
): EstimatorAppointment[] {
  const freeAt = new Map<string, number>();
  const count = new Map<string, number>();
  const onDuty = technicians.filter((t) => t.status !== 'off');
  const assigned: EstimatorAppointment[] = [];
  for (const booking of [...booked].sort((a, b) => a.startMs - b.startMs)) {
    let chosen: EstimatorTechnician | null = null;
    for (const technician of onDuty) {
      if (!technician.queueIds.includes(booking.queueId)) continue;
      if (!chosen || isBetter(technician, chosen, booking.startMs, freeAt, count)) chosen = technician;
    }
    if (!chosen) continue;
    const expectedSeconds = serviceSeconds?.(booking.categoryId) ?? booking.expectedSeconds;
    assigned.push({ technicianId: chosen.id, startMs: booking.startMs, expectedSeconds });
    freeAt.set(chosen.id, Math.max(freeAt.get(chosen.id) ?? -Infinity, booking.startMs) + expectedSeconds * 1000);
    count.set(chosen.id, (count.get(chosen.id) ?? 0) + 1);
  }
  return assigned;
}

function isBetter(candidate: EstimatorTechnician, best: EstimatorTechnician, startMs: number, freeAt: Map<string, number>, count: Map<string, number>): boolean {
  const busyAfter = (t: EstimatorTechnician) => Math.max(0, (freeAt.get(t.id) ?? -Infinity) - startMs);
  if (busyAfter(candidate) !== busyAfter(best)) return busyAfter(candidate) < busyAfter(best);
  // The one serving fewer queues: a technician who can take the others stays free for them.
  if (candidate.queueIds.length !== best.queueIds.length) return candidate.queueIds.length < best.queueIds.length;
  const candidateCount = count.get(candidate.id) ?? 0;
  const bestCount = count.get(best.id) ?? 0;
  if (candidateCount !== bestCount) return candidateCount < bestCount;
  return candidate.id < best.id;
}
