import type { SiteBroadcast } from '@walkup/domain';
import type { Db } from '../db/connection.ts';

/** The site's current message, expired or not (screens hide an expired one by its time). */
export async function findSiteBroadcast(db: Db, siteId: string): Promise<SiteBroadcast | null> {
  const row = await db.selectFrom('site_broadcasts').select(['message', 'posted_at', 'expires_at']).where('site_id', '=', siteId).executeTakeFirst();
  return row ? { message: row.message, postedAt: row.posted_at, expiresAt: row.expires_at } : null;
}

export async function saveSiteBroadcast(trx: Db, siteId: string, broadcast: SiteBroadcast): Promise<void> {
  const values = { message: broadcast.message, posted_at: broadcast.postedAt, expires_at: broadcast.expiresAt };
  await trx
    .insertInto('site_broadcasts')
    .values({ site_id: siteId, ...values })
    .onConflict((oc) => oc.column('site_id').doUpdateSet(values))
    .execute();
}

/** Removes the site's message; true when there was one. */
export async function deleteSiteBroadcast(trx: Db, siteId: string): Promise<boolean> {
  const result = await trx.deleteFrom('site_broadcasts').where('site_id', '=', siteId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
