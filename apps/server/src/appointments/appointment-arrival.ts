import { ConflictError, placeAppointmentArrival, type VisitorIdentity } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import type { AppointmentRow } from '../db/schema.ts';
import { findAppointmentSettings, findBookingOfPerson, updateAppointmentIfState } from './appointment-queries.ts';

/** How far around now a person's booking is taken as the reason of their check-in at the kiosk. */
const matchBeforeMs = 2 * 3600_000;
const matchAfterMs = 4 * 3600_000;

export interface ArrivalPlacement {
  appointment: AppointmentRow;
  /** `arrived`: placed by the booked time; `late`: past the grace, served as a walk-in. */
  state: 'arrived' | 'late';
  callOrderAt: string | null;
}

/** The booking a person checking in holds in the same queue today, if any: they need no code. */
export async function findBookingForCheckIn(db: Db, siteId: string, queueId: string, visitor: VisitorIdentity, now: Date): Promise<AppointmentRow | undefined> {
  const booking = await findBookingOfPerson(
    db,
    siteId,
    { email: visitor.email, employeeId: visitor.employeeId },
    new Date(now.getTime() - matchBeforeMs).toISOString(),
    new Date(now.getTime() + matchAfterMs).toISOString(),
  );
  return booking?.queue_id === queueId ? booking : undefined;
}

/** Where the booked visitor joins the call order (QLess FlexAppointment rule, see the domain). */
export async function placeArrival(db: Db, appointment: AppointmentRow, arrivedAt: string, expectedWaitSeconds: number): Promise<ArrivalPlacement> {
  const settings = await findAppointmentSettings(db, appointment.site_id);
  const placed = placeAppointmentArrival(
    { slotStartsAt: appointment.starts_at, arrivedAt, expectedWaitSeconds },
    { lateGraceSeconds: settings?.late_grace_seconds ?? 600, maxAdvanceSeconds: settings?.max_advance_seconds ?? 1800 },
  );
  return placed.kind === 'appointment' ? { appointment, state: 'arrived', callOrderAt: placed.callOrderAt } : { appointment, state: 'late', callOrderAt: null };
}

/** Links the booking to its visit in the check-in's transaction; a booking arrives once. */
export async function markBookingArrived(trx: Db, placement: ArrivalPlacement, visitId: string, at: string): Promise<void> {
  const changed = await updateAppointmentIfState(trx, placement.appointment.id, 'booked', { state: placement.state, visit_id: visitId, updated_at: at });
  if (!changed) throw new ConflictError('appointment_not_booked', 'this appointment was already checked in or cancelled');
}
