import { ConflictError, NotFoundError } from '@walkup/domain';
import { commitChange } from '../use-cases/commit-change.ts';
import { findAppointment, updateAppointmentIfState } from './appointment-queries.ts';
import { loadBookingContext } from './appointment-rules.ts';
import { toAppointmentView, type AppointmentView } from './appointment-view.ts';
import { takePlace, type AppointmentDeps } from './book-appointment.ts';
import { isUniqueViolation } from './unique-violation.ts';

async function requireBooked(deps: AppointmentDeps, appointmentId: string) {
  const row = await findAppointment(deps.db, appointmentId);
  if (!row) throw new NotFoundError('appointment', appointmentId);
  if (row.state !== 'booked') throw new ConflictError('appointment_not_booked', `this appointment is ${row.state.replace('_', ' ')}; only a booked appointment can be changed`);
  return row;
}

/** Moves a booking to another free time of the same category; its old place is given back. */
export async function rescheduleAppointment(deps: AppointmentDeps, appointmentId: string, startsAt: string): Promise<AppointmentView> {
  const row = await requireBooked(deps, appointmentId);
  const context = await loadBookingContext(deps.db, row.site_id, row.category_id, deps.closuresOf);
  try {
    const updated = await commitChange(deps, async (trx, append, at) => {
      const target = new Date(startsAt).toISOString();
      const { hourKey, place, endsAt } = await takePlace(trx, deps, context, target, row.id);
      // Leave the old place first: the unique index would refuse a move within the same hour otherwise.
      const moved =
        (await updateAppointmentIfState(trx, row.id, 'booked', { place: null })) &&
        (await updateAppointmentIfState(trx, row.id, 'booked', { starts_at: target, ends_at: endsAt, hour_key: hourKey, place, updated_at: at, reminder_sent_at: null }));
      if (!moved) throw new ConflictError('appointment_not_booked', 'this appointment changed a moment ago; reload it');
      await append({ siteId: row.site_id, type: 'appointment.rescheduled', visitId: null, data: { appointmentId: row.id, startsAt: target, endsAt } });
      return { ...row, starts_at: target, ends_at: endsAt, hour_key: hourKey, place, updated_at: at };
    });
    return toAppointmentView(updated, context.category.label, true);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('slot_unavailable', 'someone took the last place at this time a moment ago; pick another time');
    throw error;
  }
}

export type CancelReason = 'visitor' | 'staff' | 'closure';

export async function cancelAppointment(deps: AppointmentDeps, appointmentId: string, reason: CancelReason): Promise<AppointmentView> {
  const row = await requireBooked(deps, appointmentId);
  const setupLabel = await deps.db.selectFrom('categories').select('label').where('id', '=', row.category_id).executeTakeFirstOrThrow();
  const cancelled = await commitChange(deps, async (trx, append, at) => {
    if (!(await updateAppointmentIfState(trx, row.id, 'booked', { state: 'cancelled', place: null, updated_at: at }))) {
      throw new ConflictError('appointment_not_booked', 'this appointment changed a moment ago; reload it');
    }
    await append({ siteId: row.site_id, type: 'appointment.cancelled', visitId: null, data: { appointmentId: row.id, reason } });
    return { ...row, state: 'cancelled', place: null, updated_at: at };
  });
  return toAppointmentView(cancelled, JSON.parse(setupLabel.label), true);
}
