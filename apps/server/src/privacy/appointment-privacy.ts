import type { Db } from '../db/connection.ts';
import type { PersonKey } from './person-data.ts';

/** The column and value a booking records for this key; a badge is never asked when booking. */
function bookingKey(key: PersonKey): ['visitor_email' | 'visitor_employee_id' | 'visitor_name', string] | null {
  if (key.email) return ['visitor_email', key.email.toLowerCase()];
  if (key.employeeId) return ['visitor_employee_id', key.employeeId];
  if (key.name) return ['visitor_name', key.name];
  return null;
}

function bookingsOf(db: Db, key: ['visitor_email' | 'visitor_employee_id' | 'visitor_name', string]) {
  return db.selectFrom('appointments').where(key[0], '=', key[1]);
}

export async function listBookingsOfPerson(db: Db, person: PersonKey) {
  const key = bookingKey(person);
  if (!key) return [];
  return bookingsOf(db, key).select(['id', 'site_id', 'category_id', 'starts_at', 'ends_at', 'state', 'visitor_name', 'visitor_email', 'visitor_employee_id', 'created_at']).orderBy('starts_at').execute();
}

const scrubbed = { visitor_name: null, visitor_email: null, visitor_employee_id: null };

/** Erasure on request: the bookings keep their times and outcome (statistics), not who booked. */
export async function anonymiseBookingsOfPerson(trx: Db, person: PersonKey): Promise<number> {
  const key = bookingKey(person);
  if (!key) return 0;
  if (person.email) await trx.deleteFrom('appointment_requests').where('visitor_email', '=', person.email.toLowerCase()).execute();
  if (person.email) await trx.deleteFrom('remote_check_in_requests').where('visitor_email', '=', person.email.toLowerCase()).execute();
  if (person.email) await trx.deleteFrom('visitor_sso_identities').where('visitor_email', '=', person.email.toLowerCase()).execute();
  if (person.employeeId) await trx.deleteFrom('visitor_sso_identities').where('visitor_employee_id', '=', person.employeeId).execute();
  const ids = (await bookingsOf(trx, key).select('id').execute()).map((r) => r.id);
  if (ids.length === 0) return 0;
  await trx.updateTable('appointments').set(scrubbed).where('id', 'in', ids).execute();
  return ids.length;
}

/** The retention period runs from the booked time, as it runs from the check-in for visits. */
export async function anonymiseExpiredBookings(trx: Db, siteId: string, cutoffIso: string): Promise<number> {
  const result = await trx
    .updateTable('appointments')
    .set(scrubbed)
    .where('site_id', '=', siteId)
    .where('starts_at', '<', cutoffIso)
    .where((eb) => eb.or([eb('visitor_name', 'is not', null), eb('visitor_email', 'is not', null), eb('visitor_employee_id', 'is not', null)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
