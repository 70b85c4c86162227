import { randomUUID } from 'node:crypto';
import { ConflictError, InvalidInputError, isBookable, localHourKey } from '@walkup/domain';
import { hashToken, randomPairingCode, randomToken } from '../auth/tokens.ts';
import type { Db } from '../db/connection.ts';
import { commitChange } from '../use-cases/commit-change.ts';
import type { UseCaseDeps } from '../use-cases/deps.ts';
import { reserveBookingTicket } from '../itsm/booking-ticket-store.ts';
import { findAppointmentSettings, holdingStates, insertAppointment, listHoldingBookings, listTakenPlaces } from './appointment-queries.ts';
import { loadBookingContext, type BookingContext, type ClosuresOf } from './appointment-rules.ts';
import { toAppointmentView, type AppointmentView } from './appointment-view.ts';
import { isUniqueViolation } from './unique-violation.ts';

export interface AppointmentDeps extends UseCaseDeps {
  closuresOf: ClosuresOf;
}

export interface BookingPerson {
  name: string;
  email?: string | null;
  employeeId?: string | null;
}

export interface BookCommand {
  siteId: string;
  categoryId: string;
  startsAt: string;
  person: BookingPerson;
  language: string;
  /** `visitor` for a self-booking, otherwise the staff account booking on someone's behalf. */
  bookedBy: string;
}

export interface BookedAppointment {
  appointment: AppointmentView;
  /** Shown once: the link to reschedule or cancel, and the code (QR) to check in at the kiosk. */
  manageToken: string;
  checkInCode: string;
}

const day = 86_400_000;

/**
 * Checks again, inside the transaction, that the slot is offered with a place left, then takes the
 * lowest free place of its clock hour. The place is unique per queue and hour and never above the
 * hour's capacity, so the unique index alone keeps the hourly limit: on PostgreSQL each statement
 * sees what was committed when it started, and a booking committed between two reads here could
 * otherwise pass the first check and take place 2 of a 1-place hour. When two people take the last
 * place at once (on one instance or several) one insert fails: that person gets a 409.
 */
export async function takePlace(trx: Db, deps: AppointmentDeps, context: BookingContext, startsAt: string, except?: string): Promise<{ hourKey: string; place: number; endsAt: string }> {
  const start = Date.parse(startsAt);
  const hourKey = localHourKey(new Date(start), context.rules.timeZone);
  // Places first: the bookings read after them are at least as fresh, so the check below sees them.
  const takenPlaces = await listTakenPlaces(trx, context.queueId, hourKey, except);
  const bookings = (await listHoldingBookings(trx, context.queueId, new Date(start - day).toISOString(), new Date(start + day).toISOString())).filter((b) => b.id !== except);
  const query = { now: deps.now(), bookings: bookings.map((b) => ({ startsAt: b.starts_at, endsAt: b.ends_at })), techniciansOnDuty: () => context.technicianCount };
  const taken = new Set(bookings.filter((b) => b.hour_key === hourKey).map((b) => b.place));
  for (const place of takenPlaces) taken.add(place);
  let place = 1;
  while (taken.has(place)) place++;
  if (!isBookable(context.rules, query, startsAt) || place > context.rules.perHour) {
    throw new ConflictError('slot_unavailable', 'this time is no longer free or not offered; pick another time');
  }
  return { hourKey, place, endsAt: new Date(start + context.rules.slotMinutes * 60_000).toISOString() };
}

async function rejectSecondBooking(trx: Db, siteId: string, person: BookingPerson, nowIso: string): Promise<void> {
  const keys = [
    ['visitor_email', person.email?.toLowerCase()],
    ['visitor_employee_id', person.employeeId],
  ] as const;
  for (const [column, value] of keys) {
    if (!value) continue;
    const existing = await trx
      .selectFrom('appointments')
      .select('starts_at')
      .where('site_id', '=', siteId)
      .where(column, '=', value)
      .where('state', 'in', [...holdingStates])
      .where('ends_at', '>', nowIso)
      .executeTakeFirst();
    if (existing) throw new ConflictError('already_booked', `this person already has an appointment at ${existing.starts_at}; reschedule it instead`);
  }
}

export async function bookAppointment(deps: AppointmentDeps, command: BookCommand): Promise<BookedAppointment> {
  if (!command.person.name.trim()) throw new InvalidInputError('name_missing', 'a booking needs the name of the person coming');
  if (!command.person.email && !command.person.employeeId) {
    throw new InvalidInputError('contact_missing', 'a booking needs an email or an employee id, to send the confirmation and recognise the person at the kiosk');
  }
  const context = await loadBookingContext(deps.db, command.siteId, command.categoryId, deps.closuresOf);
  if (!context.setup.site.languages.includes(command.language)) {
    throw new InvalidInputError('language_unsupported', `language '${command.language}' is not offered at this site (${context.setup.site.languages.join(', ')})`);
  }
  const manageToken = randomToken();
  const checkInCode = randomPairingCode();
  const id = randomUUID();
  try {
    const row = await commitChange(deps, async (trx, append, at) => {
      await rejectSecondBooking(trx, command.siteId, command.person, at);
      const { hourKey, place, endsAt } = await takePlace(trx, deps, context, new Date(command.startsAt).toISOString());
      const row = {
        id,
        site_id: command.siteId,
        queue_id: context.queueId,
        category_id: context.category.id,
        starts_at: new Date(command.startsAt).toISOString(),
        ends_at: endsAt,
        hour_key: hourKey,
        place,
        state: 'booked',
        visitor_name: command.person.name.trim(),
        visitor_email: command.person.email?.toLowerCase() ?? null,
        visitor_employee_id: command.person.employeeId ?? null,
        language: command.language,
        booked_by: command.bookedBy,
        manage_token_hash: hashToken(manageToken),
        check_in_code: checkInCode,
        visit_id: null,
        reminder_sent_at: null,
        created_at: at,
        updated_at: at,
      };
      await insertAppointment(trx, row);
      // Where tickets are made at booking, the visit id (the ticket's correlation id) is reserved now.
      if ((await findAppointmentSettings(trx, command.siteId))?.itsm_ticket_at === 'booking') await reserveBookingTicket(trx, id, command.siteId);
      await append({
        siteId: command.siteId,
        type: 'appointment.booked',
        visitId: null,
        data: { appointmentId: id, queueId: context.queueId, categoryId: context.category.id, startsAt: row.starts_at, endsAt, bookedBy: command.bookedBy === 'visitor' ? 'visitor' : 'staff' },
      });
      return row;
    });
    return { appointment: toAppointmentView(row, context.category.label, true), manageToken, checkInCode };
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('slot_unavailable', 'someone took the last place at this time a moment ago; pick another time');
    throw error;
  }
}
