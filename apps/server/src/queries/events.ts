import { sql } from 'kysely';
import type { SiteEvent, SiteEventMap, SiteEventType } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import { isPostgres } from '../db/postgres-connection.ts';
import type { CommittedEvent } from '../live/event-bus.ts';
import { preparedQuery } from '../db/prepared-query.ts';
import type { EventRow } from '../db/schema.ts';

export function toSiteEvent(row: EventRow): SiteEvent {
  return {
    siteId: row.site_id,
    seq: row.seq,
    type: row.type as SiteEventType,
    visitId: row.visit_id,
    at: row.at,
    data: JSON.parse(row.data),
  } as SiteEvent;
}

const bumpSiteSequence = preparedQuery<{ siteId: string }, { event_seq: number }>((db, value) =>
  db
    .updateTable('sites')
    .set((eb) => ({ event_seq: eb('event_seq', '+', 1) }))
    .where('id', '=', value('siteId'))
    .returning('event_seq'),
);

const insertEventRow = preparedQuery<Omit<EventRow, 'id'>, { id: number }>((db, value) =>
  db
    .insertInto('events')
    .values({ site_id: value('site_id'), seq: value('seq'), type: value('type'), visit_id: value('visit_id'), at: value('at'), data: value('data') })
    .returning('id'),
);

/** Any fixed number: the key of the transaction lock that orders event ids by commit on PostgreSQL. */
const eventLogLockKey = 7_413_001;

/**
 * Appends one event with the site's next sequence number. Must run inside the transaction that
 * makes the change it records, so the log and the state never disagree. Bumping a counter on the
 * site row (rather than MAX(seq)+1) serialises writers per site on PostgreSQL as well: the row lock
 * is held until commit, so concurrent instances never take the same number, and a rolled-back
 * change gives its number back (no gap).
 *
 * On PostgreSQL, event-appending transactions also take one transaction-scoped advisory lock, so
 * event ids are taken in commit order: a log reader that keeps "last id seen" (the ITSM worker)
 * would otherwise skip an id that committed after a higher one. SQLite has one writer anyway.
 */
export async function appendEvent<K extends SiteEventType>(
  trx: Db,
  event: { siteId: string; type: K; visitId: string | null; at: string; data: SiteEventMap[K] },
): Promise<SiteEvent & { id: number }> {
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(${eventLogLockKey})`.execute(trx);
  const [site] = (await bumpSiteSequence(trx, { siteId: event.siteId })).rows;
  if (!site) throw new Error(`no site '${event.siteId}' to append an event to`);
  const seq = site.event_seq;
  const data = JSON.stringify(event.data);
  const { id } = (await insertEventRow(trx, { site_id: event.siteId, seq, type: event.type, visit_id: event.visitId, at: event.at, data })).rows[0]!;
  return { ...event, seq, id } as SiteEvent & { id: number };
}

/** An event to append, of any type, with its time. */
export type NewSiteEvent = { [K in SiteEventType]: { type: K; visitId: string | null; at: string; data: SiteEventMap[K] } }[SiteEventType];

/** Rows per insert: well under either engine's limit on bound parameters. */
const batchRows = 500;

/**
 * Appends many events of one site at once, numbered on from the site's last, in their order: what
 * writing a known past needs (the demo's history, thousands of events). The same counter and lock
 * as `appendEvent`, taken once for the batch; on PostgreSQL an event at a time would cost three round
 * trips each (20 s for the demo's history). Live changes append theirs one by one.
 */
export async function appendEventBatch(trx: Db, siteId: string, events: readonly NewSiteEvent[]): Promise<{ lastId: number }> {
  if (events.length === 0) return { lastId: 0 };
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(${eventLogLockKey})`.execute(trx);
  const site = await trx
    .updateTable('sites')
    .set((eb) => ({ event_seq: eb('event_seq', '+', events.length) }))
    .where('id', '=', siteId)
    .returning('event_seq')
    .executeTakeFirst();
  if (!site) throw new Error(`no site '${siteId}' to append events to`);
  let seq = site.event_seq - events.length;
  let lastId = 0;
  for (let start = 0; start < events.length; start += batchRows) {
    const rows = events.slice(start, start + batchRows).map((e) => ({ site_id: siteId, seq: ++seq, type: e.type, visit_id: e.visitId, at: e.at, data: JSON.stringify(e.data) }));
    const ids = await trx.insertInto('events').values(rows).returning('id').execute();
    lastId = Math.max(lastId, ...ids.map((row) => row.id));
  }
  return { lastId };
}

export async function listSiteEventsAfter(db: Db, siteId: string, afterSeq: number, limit: number): Promise<SiteEvent[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map(toSiteEvent);
}

/** A site's events after a sequence number, in order, with their log ids: what cross-instance delivery reads. */
export async function listCommittedEventsAfter(db: Db, siteId: string, afterSeq: number, limit: number): Promise<CommittedEvent[]> {
  const rows = await db.selectFrom('events').selectAll().where('site_id', '=', siteId).where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
  return rows.map((row) => ({ ...toSiteEvent(row), id: row.id }));
}

/** Each site's last committed sequence number (a safety re-read compares it with what was delivered). */
export async function listSiteSequences(db: Db): Promise<Array<{ siteId: string; seq: number }>> {
  const rows = await db.selectFrom('sites').select(['id', 'event_seq']).execute();
  return rows.map((row) => ({ siteId: row.id, seq: row.event_seq }));
}

/**
 * Events of every site after a global event id, in commit order, without their data: what log readers
 * that only route events need (no JSON to parse).
 */
export async function listEventHeadersAfterId(
  db: Db,
  afterId: number,
  limit: number,
): Promise<Array<{ id: number; siteId: string; seq: number; type: SiteEventType; visitId: string | null }>> {
  const rows = await db.selectFrom('events').select(['id', 'site_id', 'seq', 'type', 'visit_id']).where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map((row) => ({ id: row.id, siteId: row.site_id, seq: row.seq, type: row.type as SiteEventType, visitId: row.visit_id }));
}

export async function listVisitEvents(db: Db, visitId: string): Promise<SiteEvent[]> {
  const rows = await db.selectFrom('events').selectAll().where('visit_id', '=', visitId).orderBy('id').execute();
  return rows.map(toSiteEvent);
}

export async function readCursor(db: Db, name: string): Promise<number> {
  const row = await db.selectFrom('reader_cursors').select('last_event_id').where('name', '=', name).executeTakeFirst();
  return row?.last_event_id ?? 0;
}

export async function writeCursor(db: Db, name: string, lastEventId: number): Promise<void> {
  await db
    .insertInto('reader_cursors')
    .values({ name, last_event_id: lastEventId })
    .onConflict((oc) => oc.column('name').doUpdateSet({ last_event_id: lastEventId, updated_at: new Date().toISOString() }))
    .execute();
}

/** A site's events from a point in time on, in order: what warms up the estimator's learning. */
export async function listSiteEventsSince(db: Db, siteId: string, sinceIso: string): Promise<SiteEvent[]> {
  const rows = await db.selectFrom('events').selectAll().where('site_id', '=', siteId).where('at', '>=', sinceIso).orderBy('seq').execute();
  return rows.map(toSiteEvent);
}
