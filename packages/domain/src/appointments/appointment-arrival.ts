/**
 * How a booked visitor joins the queue on the day: walkup follows QLess's FlexAppointment rule. A
 * visitor with an appointment is placed where a walk-in would have had to join to reach the front at
 * the booked time: their place in the call order is the slot's start less the wait expected for the
 * queue when they arrive. Walk-ins keep their order among themselves and are never starved: only a
 * bounded number of appointments exist each hour (capacity), and no appointment is placed more than
 * `maxAdvanceSeconds` ahead of its own arrival, so an early booking cannot jump a queue that grew
 * long. Someone arriving later than the grace after their slot becomes a walk-in, as QLess does when
 * a booked customer asks for more time.
 */
export interface ArrivalRules {
  /** How late after the slot's start a booked visitor still keeps their appointment. */
  lateGraceSeconds: number;
  /** The most an appointment may be placed ahead of its own arrival time. */
  maxAdvanceSeconds: number;
}

export interface AppointmentArrival {
  slotStartsAt: string;
  arrivedAt: string;
  /** The wait a walk-in joining now is told (the estimator's expected value; 0 when nobody waits). */
  expectedWaitSeconds: number;
}

export type ArrivalPlacement =
  | { kind: 'appointment'; callOrderAt: string }
  | { kind: 'late_walk_in'; callOrderAt: string };

export function placeAppointmentArrival(arrival: AppointmentArrival, rules: ArrivalRules): ArrivalPlacement {
  const slotStart = Date.parse(arrival.slotStartsAt);
  const arrivedAt = Date.parse(arrival.arrivedAt);
  if (arrivedAt > slotStart + rules.lateGraceSeconds * 1000) return { kind: 'late_walk_in', callOrderAt: arrival.arrivedAt };
  const wanted = slotStart - Math.max(0, arrival.expectedWaitSeconds) * 1000;
  const callOrderAt = Math.max(wanted, arrivedAt - rules.maxAdvanceSeconds * 1000);
  return { kind: 'appointment', callOrderAt: new Date(callOrderAt).toISOString() };
}

/** A booking nobody checked in for by the end of its grace is an appointment no-show. */
export function isAppointmentNoShow(slotStartsAt: string, now: Date, rules: Pick<ArrivalRules, 'lateGraceSeconds'>): boolean {
  return now.getTime() > Date.parse(slotStartsAt) + rules.lateGraceSeconds * 1000;
}
