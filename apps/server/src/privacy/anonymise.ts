import type { Db } from '../db/connection.ts';
import { withAuthTables } from '../auth/auth-schema.ts';
import { anonymiseExpiredBookings } from './appointment-privacy.ts';
import { eraseNotificationData } from '../notifications/erase-notification-data.ts';

/** What of an event's data may stay once its visit is anonymised: kind of identity, never values. */
function scrubEventData(type: string, data: Record<string, unknown>): Record<string, unknown> {
  switch (type) {
    case 'visit.checked_in':
    case 'visit.rejoined': {
      const visitor = (data.visitor ?? {}) as { kind?: string };
      return { ...data, visitor: { kind: visitor.kind ?? 'guest' }, note: null };
    }
    case 'visit.resolved':
      return { ...data, note: '' };
    case 'visit.escalated':
      return { ...data, note: null };
    case 'visit.transferred':
    case 'visit.cancelled':
      return { ...data, reason: null };
    case 'visit.feedback_given':
      return { ...data, comment: null };
    default:
      return data;
  }
}

const eventTypesWithPersonalData = ['visit.checked_in', 'visit.rejoined', 'visit.resolved', 'visit.escalated', 'visit.transferred', 'visit.cancelled', 'visit.feedback_given'];

/**
 * Removes the personal data of these visits (name, e-mail, employee and badge id, notes) from the
 * visit rows and from their events in the log, keeping everything the statistics need: queue,
 * category, priority, kind of identity and all timings. Runs inside the caller's transaction.
 *
 * The event log is otherwise append-only; rewriting these fields in place is the deliberate
 * exception, because a log that keeps names forever would defeat the retention period.
 */
export async function anonymiseVisits(trx: Db, visitIds: readonly string[], at: string): Promise<number> {
  if (visitIds.length === 0) return 0;
  const db = withAuthTables(trx);
  let changed = 0;
  for (let i = 0; i < visitIds.length; i += 500) {
    const batch = visitIds.slice(i, i + 500);
    const result = await db
      .updateTable('visits')
      .set({ visitor_name: null, visitor_email: null, visitor_employee_id: null, visitor_badge_id: null, note: null, itsm_error: null, anonymised_at: at })
      .where('id', 'in', batch)
      .executeTakeFirst();
    changed += Number(result.numUpdatedRows);
    await eraseNotificationData(trx, batch);
    const events = await trx.selectFrom('events').select(['id', 'type', 'data']).where('visit_id', 'in', batch).where('type', 'in', eventTypesWithPersonalData).execute();
    for (const event of events) {
      const scrubbed = JSON.stringify(scrubEventData(event.type, JSON.parse(event.data) as Record<string, unknown>));
      if (scrubbed !== event.data) await trx.updateTable('events').set({ data: scrubbed }).where('id', '=', event.id).execute();
    }
  }
  return changed;
}

/** Visits whose retention period is over and that still hold personal data. */
export async function listExpiredVisitIds(db: Db, defaultRetentionDays: number, now: Date): Promise<string[]> {
  const sites = await withAuthTables(db).selectFrom('sites').select(['id', 'retention_days']).execute();
  const ids: string[] = [];
  for (const site of sites) {
    const days = site.retention_days ?? defaultRetentionDays;
    const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
    const rows = await withAuthTables(db)
      .selectFrom('visits')
      .select('id')
      .where('site_id', '=', site.id)
      .where('checked_in_at', '<', cutoff)
      .where('anonymised_at', 'is', null)
      .execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

/** Bookings past their site's retention period lose their name and email the same way. */
async function anonymiseAllExpiredBookings(trx: Db, defaultRetentionDays: number, now: Date): Promise<void> {
  for (const site of await withAuthTables(trx).selectFrom('sites').select(['id', 'retention_days']).execute()) {
    const days = site.retention_days ?? defaultRetentionDays;
    await anonymiseExpiredBookings(trx, site.id, new Date(now.getTime() - days * 86_400_000).toISOString());
  }
}

/** The retention run: anonymises every visit (and booking) past its site's retention period, in one transaction. */
export async function anonymiseExpiredVisits(db: Db, defaultRetentionDays: number, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await anonymiseAllExpiredBookings(trx, defaultRetentionDays, now);
    return anonymiseVisits(trx, await listExpiredVisitIds(trx, defaultRetentionDays, now), now.toISOString());
  });
}
