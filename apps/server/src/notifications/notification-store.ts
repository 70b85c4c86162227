import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../db/connection.ts';
import type { ChannelTarget, NotificationMessage, PushSubscriptionJson } from './notification-channel.ts';
import { withNotificationTables, type ChannelName, type NotificationKind, type NotificationRow } from './notification-schema.ts';

/** Queries of the notification worker and routes. Plain functions taking the connection (or transaction) first. */
export const defaultNotifyAtPosition = 3;

export async function findNotifyAtPosition(db: Db, siteId: string): Promise<number> {
  const row = await withNotificationTables(db).selectFrom('site_notification_settings').select('notify_at_position').where('site_id', '=', siteId).executeTakeFirst();
  return row?.notify_at_position ?? defaultNotifyAtPosition;
}

export async function saveNotifyAtPosition(db: Db, siteId: string, position: number, at: string): Promise<void> {
  await withNotificationTables(db)
    .insertInto('site_notification_settings')
    .values({ site_id: siteId, notify_at_position: position, updated_at: at })
    .onConflict((oc) => oc.column('site_id').doUpdateSet({ notify_at_position: position, updated_at: at }))
    .execute();
}

/** The visit's preferences row, created on first use with its opt-out token. */
export async function ensurePreferences(db: Db, visit: { visitId: string; siteId: string }, at: string) {
  const n = withNotificationTables(db);
  await n
    .insertInto('visit_notification_preferences')
    .values({ visit_id: visit.visitId, site_id: visit.siteId, opted_out: 0, opt_out_token: randomBytes(24).toString('base64url'), push_subscription: null, updated_at: at })
    .onConflict((oc) => oc.column('visit_id').doNothing())
    .execute();
  return n.selectFrom('visit_notification_preferences').selectAll().where('visit_id', '=', visit.visitId).executeTakeFirstOrThrow();
}

export async function setOptedOut(db: Db, visitId: string, optedOut: boolean, at: string): Promise<void> {
  const n = withNotificationTables(db);
  await n.updateTable('visit_notification_preferences').set({ opted_out: optedOut ? 1 : 0, updated_at: at }).where('visit_id', '=', visitId).execute();
  // Opting out stops what is queued too, not only what is decided later.
  if (optedOut) await cancelUnsent(db, visitId, 'opted out', at);
}

export async function findPreferencesByOptOutToken(db: Db, token: string) {
  return withNotificationTables(db).selectFrom('visit_notification_preferences').selectAll().where('opt_out_token', '=', token).executeTakeFirst();
}

export async function savePushSubscription(db: Db, visitId: string, subscription: PushSubscriptionJson | null, at: string): Promise<void> {
  await withNotificationTables(db)
    .updateTable('visit_notification_preferences')
    .set({ push_subscription: subscription ? JSON.stringify(subscription) : null, updated_at: at })
    .where('visit_id', '=', visitId)
    .execute();
}

/** Who a visit can be reached at, or null when it opted out. */
export async function readVisitTarget(db: Db, visit: { visitId: string; siteId: string }, at: string): Promise<ChannelTarget | null> {
  const preferences = await ensurePreferences(db, visit, at);
  if (preferences.opted_out) return null;
  const row = await db.selectFrom('visits').select('visitor_email').where('id', '=', visit.visitId).executeTakeFirst();
  return toTarget(row?.visitor_email ?? null, preferences.push_subscription);
}

/**
 * Who each of these visits can be reached at (null when opted out), in one query and without
 * creating preferences: what a pass checks before deciding anything about a visitor.
 */
export async function listVisitTargets(db: Db, visitIds: string[]): Promise<Map<string, ChannelTarget | null>> {
  if (visitIds.length === 0) return new Map();
  const rows = await withNotificationTables(db)
    .selectFrom('visits')
    .leftJoin('visit_notification_preferences as p', 'p.visit_id', 'visits.id')
    .select(['visits.id', 'visits.visitor_email', 'p.opted_out', 'p.push_subscription'])
    .where('visits.id', 'in', visitIds)
    .execute();
  return new Map(rows.map((row) => [row.id, row.opted_out ? null : toTarget(row.visitor_email, row.push_subscription)]));
}

function toTarget(email: string | null, pushSubscription: string | null): ChannelTarget {
  return { email, pushSubscription: pushSubscription ? (JSON.parse(pushSubscription) as PushSubscriptionJson) : null };
}

/** What a notification about this visit says beside the site's facts: its ticket, and the visitor's language if known. */
export async function findVisitWording(db: Db, visitId: string): Promise<{ ticketNumber: string; language: 'en' | 'fr' | null; endedAt: string | null }> {
  const row = await db.selectFrom('visits').select(['ticket_number', 'visitor_language', 'ended_at']).where('id', '=', visitId).executeTakeFirstOrThrow();
  const language = row.visitor_language === 'fr' || row.visitor_language === 'en' ? row.visitor_language : null;
  return { ticketNumber: row.ticket_number, language, endedAt: row.ended_at };
}

/** The decision: one row per (visit, kind, channel); a second decision for the same three does nothing. */
export async function insertNotification(
  db: Db,
  row: { visitId: string; siteId: string; kind: NotificationKind; channel: ChannelName; payload: Omit<NotificationMessage, 'id'> },
  at: string,
): Promise<void> {
  const id = randomUUID();
  await withNotificationTables(db)
    .insertInto('notification_deliveries')
    .values({
      id,
      visit_id: row.visitId,
      site_id: row.siteId,
      kind: row.kind,
      channel: row.channel,
      state: 'pending',
      payload: JSON.stringify({ ...row.payload, id }),
      attempts: 0,
      next_attempt_at: at,
      last_error: null,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.columns(['visit_id', 'kind', 'channel']).doNothing())
    .execute();
}

/**
 * Which of these visits were already told their turn is near ("almost up", or "come over" while on
 * the way): once per visit. A "come over" cancelled before it went out (the visitor arrived first)
 * does not count, so an arrived visitor still gets "almost up" in time. One query for a whole site.
 */
export async function listToldTurnIsNear(db: Db, visitIds: string[]): Promise<Set<string>> {
  if (visitIds.length === 0) return new Set();
  const rows = await withNotificationTables(db)
    .selectFrom('notification_deliveries')
    .select('visit_id')
    .distinct()
    .where('visit_id', 'in', visitIds)
    .where((eb) => eb.or([eb('kind', '=', 'almost_up'), eb.and([eb('kind', '=', 'come_over'), eb('state', '!=', 'cancelled')])]))
    .execute();
  return new Set(rows.map((row) => row.visit_id));
}

/** Sites with a visitor on the way not yet told to come over: the ones to look at again as time passes. */
export async function listSitesAwaitingComeOver(db: Db): Promise<string[]> {
  const rows = await withNotificationTables(db)
    .selectFrom('visits')
    .select('visits.site_id')
    .distinct()
    .where('visits.state', '=', 'waiting')
    .where('visits.on_the_way', '=', 1)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('notification_deliveries').select('notification_deliveries.id').whereRef('notification_deliveries.visit_id', '=', 'visits.id').where('notification_deliveries.kind', 'in', ['almost_up', 'come_over']))),
    )
    .execute();
  return rows.map((row) => row.site_id);
}

/** A visitor who arrived before their "come over" went out is not told to walk over any more. */
export async function cancelUnsentKind(db: Db, visitId: string, kind: NotificationKind, reason: string, at: string): Promise<void> {
  await withNotificationTables(db)
    .updateTable('notification_deliveries')
    .set({ state: 'cancelled', last_error: reason, updated_at: at })
    .where('visit_id', '=', visitId)
    .where('kind', '=', kind)
    .where('state', 'in', ['pending', 'retrying'])
    .execute();
}

export async function cancelUnsent(db: Db, visitId: string, reason: string, at: string): Promise<void> {
  await withNotificationTables(db)
    .updateTable('notification_deliveries')
    .set({ state: 'cancelled', last_error: reason, updated_at: at })
    .where('visit_id', '=', visitId)
    .where('state', 'in', ['pending', 'retrying'])
    .execute();
}

export async function listDueNotifications(db: Db, nowIso: string, limit: number): Promise<NotificationRow[]> {
  return withNotificationTables(db)
    .selectFrom('notification_deliveries')
    .selectAll()
    .where('state', 'in', ['pending', 'retrying'])
    .where('next_attempt_at', '<=', nowIso)
    .orderBy('next_attempt_at')
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

export async function listVisitNotifications(db: Db, visitId: string): Promise<NotificationRow[]> {
  return withNotificationTables(db).selectFrom('notification_deliveries').selectAll().where('visit_id', '=', visitId).orderBy('created_at').execute();
}

/** After a restart, a row still `sending` may or may not have gone out: it is closed, never sent again. */
export async function closeInterruptedSends(db: Db, at: string): Promise<number> {
  const result = await withNotificationTables(db)
    .updateTable('notification_deliveries')
    .set({ state: 'failed', last_error: 'interrupted while sending: outcome unknown, not sent again', updated_at: at })
    .where('state', '=', 'sending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
