import type { Db } from '../db/connection.ts';
import type { AppointmentRow, AppointmentSettingsTable } from '../db/schema.ts';

/** States in which a booking still holds its place. */
export const holdingStates = ['booked', 'arrived'] as const;

export async function findAppointmentSettings(db: Db, siteId: string): Promise<AppointmentSettingsTable | undefined> {
  return db.selectFrom('appointment_settings').selectAll().where('site_id', '=', siteId).executeTakeFirst();
}

export async function findQueueCapacity(db: Db, queueId: string): Promise<number> {
  const row = await db.selectFrom('appointment_capacity').select('per_hour').where('queue_id', '=', queueId).executeTakeFirst();
  return row?.per_hour ?? 0;
}

/** Bookings of a queue still holding a place and overlapping [fromIso, toIso). */
export async function listHoldingBookings(db: Db, queueId: string, fromIso: string, toIso: string): Promise<AppointmentRow[]> {
  return db
    .selectFrom('appointments')
    .selectAll()
    .where('queue_id', '=', queueId)
    .where('state', 'in', [...holdingStates])
    .where('starts_at', '<', toIso)
    .where('ends_at', '>', fromIso)
    .execute();
}

/** Places held in one clock hour of a queue, but the one of `except` (a booking being moved). */
export async function listTakenPlaces(db: Db, queueId: string, hourKey: string, except?: string): Promise<number[]> {
  let query = db.selectFrom('appointments').select('place').where('queue_id', '=', queueId).where('hour_key', '=', hourKey).where('place', 'is not', null);
  if (except) query = query.where('id', '!=', except);
  const rows = await query.execute();
  return rows.map((r) => r.place!);
}

export async function insertAppointment(trx: Db, row: AppointmentRow): Promise<void> {
  await trx.insertInto('appointments').values(row).execute();
}

export async function findAppointment(db: Db, id: string): Promise<AppointmentRow | undefined> {
  return db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAppointmentByManageToken(db: Db, tokenHash: string): Promise<AppointmentRow | undefined> {
  return db.selectFrom('appointments').selectAll().where('manage_token_hash', '=', tokenHash).executeTakeFirst();
}

export async function findAppointmentByCheckInCode(db: Db, code: string): Promise<AppointmentRow | undefined> {
  return db.selectFrom('appointments').selectAll().where('check_in_code', '=', code).executeTakeFirst();
}

/** The booking a person holds at a site around a time, by email or employee id (kiosk arrival). */
export async function findBookingOfPerson(
  db: Db,
  siteId: string,
  person: { email?: string | null; employeeId?: string | null },
  fromIso: string,
  toIso: string,
): Promise<AppointmentRow | undefined> {
  if (!person.email && !person.employeeId) return undefined;
  return db
    .selectFrom('appointments')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('state', '=', 'booked')
    .where('starts_at', '>=', fromIso)
    .where('starts_at', '<=', toIso)
    .where((eb) =>
      eb.or([
        ...(person.email ? [eb('visitor_email', '=', person.email.toLowerCase())] : []),
        ...(person.employeeId ? [eb('visitor_employee_id', '=', person.employeeId)] : []),
      ]),
    )
    .orderBy('starts_at')
    .executeTakeFirst();
}

/** Changes a booking only if it is still in the state the caller read (two clicks, two desks). */
export async function updateAppointmentIfState(trx: Db, id: string, expected: string, changes: Partial<Omit<AppointmentRow, 'id'>>): Promise<boolean> {
  const result = await trx.updateTable('appointments').set(changes).where('id', '=', id).where('state', '=', expected).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Bookings nobody came for by `lateBeforeIso` (start plus the site's grace already subtracted by the caller). */
export async function listOverdueBookings(db: Db, siteId: string, startedBeforeIso: string): Promise<AppointmentRow[]> {
  return db.selectFrom('appointments').selectAll().where('site_id', '=', siteId).where('state', '=', 'booked').where('starts_at', '<', startedBeforeIso).execute();
}

export async function listAppointmentsBetween(db: Db, siteId: string, fromIso: string, toIso: string): Promise<AppointmentRow[]> {
  return db.selectFrom('appointments').selectAll().where('site_id', '=', siteId).where('starts_at', '>=', fromIso).where('starts_at', '<', toIso).orderBy('starts_at').execute();
}

/**
 * Bookings of a site whose person has not arrived, starting in [fromIso, toIso): what the estimator
 * keeps technicians' time for, so walk-ins are told the wait the bookings will cause.
 */
export async function listBookedAhead(db: Db, siteId: string, fromIso: string, toIso: string): Promise<Array<Pick<AppointmentRow, 'id' | 'queue_id' | 'category_id' | 'starts_at' | 'ends_at'>>> {
  return db
    .selectFrom('appointments')
    .select(['id', 'queue_id', 'category_id', 'starts_at', 'ends_at'])
    .where('site_id', '=', siteId)
    .where('state', '=', 'booked')
    .where('starts_at', '>=', fromIso)
    .where('starts_at', '<', toIso)
    .execute();
}
