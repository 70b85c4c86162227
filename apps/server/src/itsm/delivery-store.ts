import type { ItsmSyncState } from '@walkup/domain';
import type { TicketRef } from '@walkup/itsm';
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { CommittedEvent } from '../live/event-bus.ts';
import { appendEvent, listEventHeadersAfterId, readCursor, toSiteEvent, writeCursor } from '../queries/events.ts';
import { markBookingTicketsDue } from './booking-ticket-store.ts';
import type { Transact } from './deliver-visit.ts';
import { withItsmTables, type DeliveryRow, type DeliveryState } from './itsm-schema.ts';
import { deliveredEventTypes } from './ticket-builder.ts';

/** Queries of the delivery worker. Plain functions taking the connection (or transaction) first. */
export const cursorName = 'itsm-delivery';
const delivered = new Set<string>(deliveredEventTypes);
/** Booking changes a ticket made at booking follows (bookings without such a ticket are not touched). */
const bookingEventTypes = new Set<string>(['appointment.booked', 'appointment.rescheduled', 'appointment.cancelled', 'appointment.no_show']);

/**
 * Reads the log after the cursor and records, per visit, the newest event the ITSM must hear about.
 * The cursor moves in the same transaction, so a crash never loses or double-counts an event.
 */
export async function scanNewEvents(
  transact: Transact,
  batchSize: number,
  nowIso: string,
  siteDelivers: (siteId: string) => boolean,
): Promise<number> {
  return transact(async (trx) => {
    const after = await readCursor(trx, cursorName);
    const events = await listEventHeadersAfterId(trx, after, batchSize);
    if (events.length === 0) return 0;
    const itsm = withItsmTables(trx);
    const bookingEventIds = events.filter((e) => bookingEventTypes.has(e.type) && siteDelivers(e.siteId)).map((e) => e.id);
    await markBookingTicketsDue(trx, await appointmentIdsOf(trx, bookingEventIds), nowIso);
    for (const event of events) {
      if (!event.visitId || !delivered.has(event.type) || !siteDelivers(event.siteId)) continue;
      await itsm
        .insertInto('itsm_deliveries')
        .values({ visit_id: event.visitId, site_id: event.siteId, target_event_id: event.id, delivered_event_id: 0, state: 'pending', attempts: 0, next_attempt_at: nowIso, updated_at: nowIso })
        .onConflict((oc) =>
          oc.column('visit_id').doUpdateSet({
            target_event_id: event.id,
            // A synced visit becomes due now; one that is waiting (backoff) or dead-lettered keeps its state.
            // Columns named with their table: PostgreSQL's upsert also sees the `excluded` row's.
            state: sql`case when itsm_deliveries.state = 'synced' then 'pending' else itsm_deliveries.state end`,
            next_attempt_at: sql`case when itsm_deliveries.state = 'synced' then ${nowIso} else itsm_deliveries.next_attempt_at end`,
            updated_at: nowIso,
          }),
        )
        .execute();
    }
    await writeCursor(trx, cursorName, events.at(-1)!.id);
    return events.length;
  });
}

async function appointmentIdsOf(trx: Db, eventIds: number[]): Promise<string[]> {
  if (eventIds.length === 0) return [];
  const rows = await trx.selectFrom('events').select('data').where('id', 'in', eventIds).execute();
  return rows.map((row) => (JSON.parse(row.data) as { appointmentId: string }).appointmentId);
}

export async function listDueDeliveries(db: Db, nowIso: string, limit: number): Promise<DeliveryRow[]> {
  return withItsmTables(db)
    .selectFrom('itsm_deliveries')
    .selectAll()
    .where('state', 'in', ['pending', 'retrying'])
    .where('next_attempt_at', '<=', nowIso)
    .orderBy('next_attempt_at')
    .orderBy('visit_id')
    .limit(limit)
    .execute();
}

/** Makes the waiting deliveries of these sites due now, after a set-up check passed (an admin just fixed the ITSM). */
export async function releaseHeldCreates(db: Db, siteIds: string[], nowIso: string): Promise<void> {
  if (siteIds.length === 0) return;
  await withItsmTables(db)
    .updateTable('itsm_deliveries')
    .set({ next_attempt_at: nowIso })
    .where('site_id', 'in', siteIds)
    .where('state', 'in', ['pending', 'retrying'])
    .where('next_attempt_at', '>', nowIso)
    .execute();
}

export async function getDelivery(db: Db, visitId: string): Promise<DeliveryRow | undefined> {
  return withItsmTables(db).selectFrom('itsm_deliveries').selectAll().where('visit_id', '=', visitId).executeTakeFirst();
}

/** The visit's events the ITSM has not heard about yet, oldest first. */
export async function listUndeliveredEvents(db: Db, delivery: DeliveryRow) {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('visit_id', '=', delivery.visit_id)
    .where('id', '>', delivery.delivered_event_id)
    .where('id', '<=', delivery.target_event_id)
    .where('type', 'in', [...deliveredEventTypes])
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ ...toSiteEvent(row), id: row.id }));
}

export async function readVisitTicket(db: Db, visitId: string) {
  const row = await db
    .selectFrom('visits')
    .select(['itsm_remote_id', 'itsm_ticket_number', 'itsm_ticket_url', 'itsm_state', 'site_id'])
    .where('id', '=', visitId)
    .executeTakeFirstOrThrow();
  const ticket: TicketRef | null = row.itsm_remote_id
    ? { remoteId: row.itsm_remote_id, number: row.itsm_ticket_number ?? row.itsm_remote_id, url: row.itsm_ticket_url }
    : null;
  return { ticket, state: row.itsm_state as ItsmSyncState, siteId: row.site_id };
}

/** Durable mark that a create is about to be sent: after a crash, the next attempt looks the ticket up first. */
export async function markCreateSent(db: Db, visitId: string, nowIso: string | null): Promise<void> {
  await withItsmTables(db).updateTable('itsm_deliveries').set({ create_sent_at: nowIso }).where('visit_id', '=', visitId).execute();
}

export async function recordTicket(trx: Db, visitId: string, ticket: TicketRef): Promise<void> {
  await trx
    .updateTable('visits')
    .set({ itsm_remote_id: ticket.remoteId, itsm_ticket_number: ticket.number, itsm_ticket_url: ticket.url })
    .where('id', '=', visitId)
    .execute();
  await withItsmTables(trx).updateTable('itsm_deliveries').set({ create_sent_at: null }).where('visit_id', '=', visitId).execute();
}

/** Progress after a successful call; the row turns `synced` once it has caught up with the log. */
export async function recordDelivered(trx: Db, visitId: string, eventId: number, nowIso: string): Promise<DeliveryState> {
  // The larger of the two, spelled so that SQLite and PostgreSQL both accept it (max(a, b) vs greatest(a, b)).
  const delivered = sql<number>`case when delivered_event_id > ${eventId} then delivered_event_id else ${eventId} end`;
  const row = await withItsmTables(trx)
    .updateTable('itsm_deliveries')
    .set({
      delivered_event_id: delivered,
      attempts: 0,
      last_error: null,
      state: sql`case when target_event_id <= ${delivered} then 'synced' else 'pending' end`,
      updated_at: nowIso,
    })
    .where('visit_id', '=', visitId)
    .returning('state')
    .executeTakeFirstOrThrow();
  return row.state;
}

export async function recordFailure(
  trx: Db,
  visitId: string,
  change: { state: 'retrying' | 'failed'; nextAttemptAt: string; error: string; countAttempt: boolean },
  nowIso: string,
): Promise<void> {
  await withItsmTables(trx)
    .updateTable('itsm_deliveries')
    .set((eb) => ({
      state: change.state,
      next_attempt_at: change.nextAttemptAt,
      last_error: change.error,
      attempts: change.countAttempt ? eb('attempts', '+', 1) : eb.ref('attempts'),
      updated_at: nowIso,
    }))
    .where('visit_id', '=', visitId)
    .execute();
}

/**
 * Mirrors the sync state on the visit and tells consoles, but only when what they show changes:
 * an hour-long outage must not write one event per retry.
 */
export async function publishSyncState(
  trx: Db,
  visitId: string,
  next: { state: ItsmSyncState; error: string | null; ticketChanged?: boolean },
  nowIso: string,
): Promise<CommittedEvent | null> {
  const visit = await trx
    .selectFrom('visits')
    .select(['site_id', 'itsm_state', 'itsm_error', 'itsm_ticket_number', 'itsm_ticket_url'])
    .where('id', '=', visitId)
    .executeTakeFirstOrThrow();
  if (visit.itsm_state === next.state && !next.ticketChanged) {
    // Same state, maybe a newer error text: keep the row current without another event.
    if (visit.itsm_error !== next.error) await trx.updateTable('visits').set({ itsm_error: next.error }).where('id', '=', visitId).execute();
    return null;
  }
  await trx.updateTable('visits').set({ itsm_state: next.state, itsm_error: next.error }).where('id', '=', visitId).execute();
  return appendEvent(trx, {
    siteId: visit.site_id,
    type: 'visit.itsm_synced',
    visitId,
    at: nowIso,
    data: { state: next.state, ticketNumber: visit.itsm_ticket_number, ticketUrl: visit.itsm_ticket_url, error: next.error },
  });
}
