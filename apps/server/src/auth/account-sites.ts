import type { Db } from '../db/connection.ts';
import { withReportTables } from '../reports/report-schema.ts';

/** The sites a manager or site admin account sees, as an admin listed them. */
export async function listAccountSiteIds(db: Db, userId: string): Promise<string[]> {
  const rows = await withReportTables(db).selectFrom('auth_user_sites').select('site_id').where('user_id', '=', userId).orderBy('site_id').execute();
  return rows.map((row) => row.site_id);
}

/** Every manager's and site admin's sites, by user id (the admin's account list). */
export async function listSitesOfAccounts(db: Db): Promise<Map<string, string[]>> {
  const rows = await withReportTables(db).selectFrom('auth_user_sites').select(['user_id', 'site_id']).orderBy('site_id').execute();
  const sites = new Map<string, string[]>();
  for (const row of rows) sites.set(row.user_id, [...(sites.get(row.user_id) ?? []), row.site_id]);
  return sites;
}

/** Replaces the account's sites; runs inside the caller's transaction. */
export async function replaceAccountSites(db: Db, userId: string, siteIds: readonly string[]): Promise<void> {
  const tables = withReportTables(db);
  await tables.deleteFrom('auth_user_sites').where('user_id', '=', userId).execute();
  if (siteIds.length > 0) await tables.insertInto('auth_user_sites').values([...new Set(siteIds)].map((site_id) => ({ user_id: userId, site_id }))).execute();
}
