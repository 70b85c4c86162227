import type { BookedAhead } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import { findAppointmentSettings, listBookedAhead } from './appointment-queries.ts';

/** How far ahead bookings count in walk-ins' estimates: beyond an hour, a walk-in is served anyway. */
const horizonMs = 3600_000;

/**
 * The bookings of the coming hour nobody has arrived for yet, including those started less than the
 * late grace ago (their person may still come and keep the slot).
 */
export async function loadBookedAhead(db: Db, siteId: string, now: Date, exceptId?: string | null): Promise<BookedAhead[]> {
  const settings = await findAppointmentSettings(db, siteId);
  if (!settings) return [];
  const from = new Date(now.getTime() - settings.late_grace_seconds * 1000).toISOString();
  const rows = await listBookedAhead(db, siteId, from, new Date(now.getTime() + horizonMs).toISOString());
  return rows.filter((row) => row.id !== exceptId).map((row) => ({
    queueId: row.queue_id,
    categoryId: row.category_id,
    startMs: Date.parse(row.starts_at),
    expectedSeconds: (Date.parse(row.ends_at) - Date.parse(row.starts_at)) / 1000,
  }));
}
