import type { Db } from '../db/connection.ts';
import type { VisitorLinksTable } from '../db/schema.ts';

export async function insertVisitorLink(db: Db, row: Omit<VisitorLinksTable, 'revoked_at'>): Promise<void> {
  await db.insertInto('visitor_links').values({ ...row, revoked_at: null }).execute();
}

/** The unrevoked link behind a token hash, with what its visit is now. */
export async function findVisitorLinkByHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('visitor_links')
    .innerJoin('visits', 'visits.id', 'visitor_links.visit_id')
    .select([
      'visitor_links.id as linkId',
      'visitor_links.visit_id as visitId',
      'visitor_links.site_id as siteId',
      'visits.state as state',
      'visits.ended_at as endedAt',
      'visits.ticket_number as ticketNumber',
      'visits.category_id as categoryId',
      'visits.technician_id as technicianId',
    ])
    .where('visitor_links.token_hash', '=', tokenHash)
    .where('visitor_links.revoked_at', 'is', null)
    .executeTakeFirst();
}

/** Revokes every open link of a visit; returns the ids revoked, so their live pages can be closed. */
export async function revokeVisitorLinksOfVisit(db: Db, visitId: string, at: string): Promise<string[]> {
  const open = await db.selectFrom('visitor_links').select('id').where('visit_id', '=', visitId).where('revoked_at', 'is', null).execute();
  if (open.length === 0) return [];
  await db.updateTable('visitor_links').set({ revoked_at: at }).where('visit_id', '=', visitId).where('revoked_at', 'is', null).execute();
  return open.map((row) => row.id);
}
