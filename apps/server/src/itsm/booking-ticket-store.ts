import { randomUUID } from 'node:crypto';
import type { TicketRef } from '@walkup/itsm';
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { recordTicket } from './delivery-store.ts';
import { withItsmTables, type AppointmentTicketRow } from './itsm-schema.ts';

/**
 * Queries of the tickets created at booking (site setting `itsmTicketAt: 'booking'`). The row reserves
 * the id the visit will take at arrival, so the ITSM sees one correlation id from booking to the end
 * of the visit and the visit adopts the ticket instead of creating one.
 */

/** A booking's state as the ITSM should know it; a change from `told` makes the booking due. */
export const bookingSummary = sql<string>`a.state || '@' || a.starts_at`;

export interface DueBookingTicket extends AppointmentTicketRow {
  state: string;
  starts_at: string;
  summary: string;
}

/** Called in the booking's transaction: reserves the visit id the ticket will be correlated with. */
export async function reserveBookingTicket(trx: Db, appointmentId: string, siteId: string): Promise<string> {
  const visitId = randomUUID();
  await withItsmTables(trx).insertInto('appointment_tickets').values({ appointment_id: appointmentId, visit_id: visitId, site_id: siteId, attempts: 0 }).execute();
  return visitId;
}

export async function findBookingTicket(db: Db, by: { appointmentId: string } | { visitId: string }): Promise<AppointmentTicketRow | undefined> {
  const query = withItsmTables(db).selectFrom('appointment_tickets').selectAll();
  return ('appointmentId' in by ? query.where('appointment_id', '=', by.appointmentId) : query.where('visit_id', '=', by.visitId)).executeTakeFirst();
}

export function bookingTicketRef(row: AppointmentTicketRow): TicketRef | null {
  return row.remote_id ? { remoteId: row.remote_id, number: row.ticket_number ?? row.remote_id, url: row.ticket_url } : null;
}

/** The log said these bookings changed: the worker looks at them on its next pass. */
export async function markBookingTicketsDue(trx: Db, appointmentIds: string[], nowIso: string): Promise<void> {
  if (appointmentIds.length === 0) return;
  await withItsmTables(trx).updateTable('appointment_tickets').set({ due_at: nowIso }).where('appointment_id', 'in', appointmentIds).execute();
}

export async function listDueBookingTickets(db: Db, nowIso: string, limit: number): Promise<DueBookingTicket[]> {
  return withItsmTables(db)
    .selectFrom('appointment_tickets as t')
    .innerJoin('appointments as a', 'a.id', 't.appointment_id')
    .selectAll('t')
    .select(['a.state', 'a.starts_at', bookingSummary.as('summary')])
    .where('t.due_at', 'is not', null)
    .where('t.due_at', '<=', nowIso)
    .orderBy('t.due_at')
    .limit(limit)
    .execute();
}

/**
 * Durable mark before a create, taken only while the booking is still `booked`: once the person has
 * arrived the visit owns the ticket, and a create from here could race the visit's. False: do not send.
 */
export async function markBookingCreateSent(trx: Db, appointmentId: string, nowIso: string | null): Promise<boolean> {
  const result = await withItsmTables(trx)
    .updateTable('appointment_tickets')
    .set({ create_sent_at: nowIso })
    .where('appointment_id', '=', appointmentId)
    .where(({ exists, selectFrom }) => exists(selectFrom('appointments').select('id').where('id', '=', appointmentId).where('state', '=', 'booked')))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The ticket exists: on the booking, and on the visit too if the person arrived meanwhile. */
export async function recordBookingTicket(trx: Db, row: AppointmentTicketRow, ticket: TicketRef): Promise<void> {
  await withItsmTables(trx)
    .updateTable('appointment_tickets')
    .set({ remote_id: ticket.remoteId, ticket_number: ticket.number, ticket_url: ticket.url, create_sent_at: null })
    .where('appointment_id', '=', row.appointment_id)
    .execute();
  await recordTicket(trx, row.visit_id, ticket);
}

/** The ITSM now knows `told`; the booking stays due only if it changed again meanwhile. */
export async function recordBookingTold(trx: Db, appointmentId: string, told: string): Promise<void> {
  await withItsmTables(trx)
    .updateTable('appointment_tickets')
    .set({
      told,
      attempts: 0,
      last_error: null,
      due_at: sql`case when (select a.state || '@' || a.starts_at from appointments a where a.id = ${appointmentId}) = ${told} then null else due_at end`,
    })
    .where('appointment_id', '=', appointmentId)
    .execute();
}

export async function recordBookingFailure(trx: Db, appointmentId: string, change: { nextAttemptAt: string | null; error: string }): Promise<void> {
  await withItsmTables(trx)
    .updateTable('appointment_tickets')
    .set((eb) => ({ due_at: change.nextAttemptAt, last_error: change.error, attempts: eb('attempts', '+', 1) }))
    .where('appointment_id', '=', appointmentId)
    .execute();
}
