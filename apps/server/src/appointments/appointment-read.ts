import { InvalidInputError, NotFoundError, addDays, generateSlots, isLocalDate, localDateOf, type Slot } from '@walkup/domain';
import { hashToken } from '../auth/tokens.ts';
import type { AppointmentRow } from '../db/schema.ts';
import { loadSiteSetup } from '../queries/sites.ts';
import { findAppointmentByManageToken, listAppointmentsBetween, listHoldingBookings } from './appointment-queries.ts';
import { loadBookingContext } from './appointment-rules.ts';
import { toAppointmentView, type AppointmentView } from './appointment-view.ts';
import type { AppointmentDeps } from './book-appointment.ts';

/** The longest span one slot query may cover: a booking page shows a week or two at a time. */
const maxQueryDays = 31;

export async function listFreeSlots(deps: AppointmentDeps, siteId: string, categoryId: string, from: string, to: string = from): Promise<Slot[]> {
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (!isLocalDate(value)) throw new InvalidInputError('invalid_date', `${name} must be a real date as YYYY-MM-DD, not '${value}'`);
  }
  if (to < from) throw new InvalidInputError('invalid_range', `to (${to}) is before from (${from})`);
  if (addDays(from, maxQueryDays) < to) throw new InvalidInputError('range_too_long', `ask for at most ${maxQueryDays} days at a time`);
  const context = await loadBookingContext(deps.db, siteId, categoryId, deps.closuresOf);
  // A day either side covers every time zone's local dates.
  const bookings = await listHoldingBookings(deps.db, context.queueId, `${addDays(from, -1)}T00:00:00.000Z`, `${addDays(to, 2)}T00:00:00.000Z`);
  return generateSlots(context.rules, {
    now: deps.now(),
    from,
    to,
    bookings: bookings.map((b) => ({ startsAt: b.starts_at, endsAt: b.ends_at })),
    techniciansOnDuty: () => context.technicianCount,
  });
}

export async function requireAppointmentByToken(deps: AppointmentDeps, token: string): Promise<AppointmentRow> {
  const row = await findAppointmentByManageToken(deps.db, hashToken(token));
  if (!row) throw new NotFoundError('appointment', 'of this link');
  return row;
}

export async function viewAppointment(deps: AppointmentDeps, row: AppointmentRow, withVisitor: boolean): Promise<AppointmentView> {
  const setup = await loadSiteSetup(deps.db, row.site_id);
  const label = setup.categories.find((c) => c.id === row.category_id)?.label ?? { [setup.site.defaultLanguage]: row.category_id };
  return toAppointmentView(row, label, withVisitor);
}

/** A day's bookings of a site, for the console: who is expected when, and who has arrived. */
export async function listDayAppointments(deps: AppointmentDeps, siteId: string, day: string): Promise<AppointmentView[]> {
  if (!isLocalDate(day)) throw new InvalidInputError('invalid_date', `day must be a real date as YYYY-MM-DD, not '${day}'`);
  const setup = await loadSiteSetup(deps.db, siteId);
  const rows = await listAppointmentsBetween(deps.db, siteId, `${addDays(day, -1)}T00:00:00.000Z`, `${addDays(day, 2)}T00:00:00.000Z`);
  return rows
    .filter((row) => localDateOf(new Date(row.starts_at), setup.site.timeZone) === day)
    .map((row) => toAppointmentView(row, setup.categories.find((c) => c.id === row.category_id)?.label ?? {}, true));
}
