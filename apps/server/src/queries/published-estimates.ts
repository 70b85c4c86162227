import type { EstimatesPayload } from '@walkup/protocol';
import type { Db } from '../db/connection.ts';

export interface PublishedEstimates {
  siteId: string;
  version: number;
  estimates: EstimatesPayload;
}

/** Writes the site's latest estimates and returns their version (one more than the previous write's). */
export async function savePublishedEstimates(db: Db, siteId: string, estimates: EstimatesPayload, at: Date): Promise<number> {
  const row = { seq: estimates.seq, estimates: JSON.stringify(estimates), published_at: at.toISOString() };
  const { version } = await db
    .insertInto('published_estimates')
    .values({ site_id: siteId, version: 1, ...row })
    .onConflict((oc) => oc.column('site_id').doUpdateSet((eb) => ({ ...row, version: eb(eb.ref('published_estimates.version'), '+', 1) })))
    .returning('version')
    .executeTakeFirstOrThrow();
  return version;
}

export async function findPublishedEstimates(db: Db, siteId: string): Promise<PublishedEstimates | null> {
  const row = await db.selectFrom('published_estimates').select(['site_id', 'version', 'estimates']).where('site_id', '=', siteId).executeTakeFirst();
  return row ? { siteId: row.site_id, version: row.version, estimates: JSON.parse(row.estimates) as EstimatesPayload } : null;
}

/** Every site's latest version: what an instance compares with its own copies after missing notifications. */
export async function listPublishedEstimateVersions(db: Db): Promise<Array<{ siteId: string; version: number }>> {
  const rows = await db.selectFrom('published_estimates').select(['site_id', 'version']).execute();
  return rows.map((row) => ({ siteId: row.site_id, version: row.version }));
}
