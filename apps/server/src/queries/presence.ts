import type { PresenceStatus } from '@walkup/domain';
import type { Db } from '../db/connection.ts';

export interface PresenceRow {
  technicianId: string;
  deskId: string | null;
  status: PresenceStatus;
  since: string;
}

export async function listSitePresence(db: Db, siteId: string): Promise<PresenceRow[]> {
  const rows = await db.selectFrom('technician_presence').selectAll().where('site_id', '=', siteId).execute();
  return rows.map((r) => ({ technicianId: r.technician_id, deskId: r.desk_id, status: r.status as PresenceStatus, since: r.since }));
}

export async function findPresence(db: Db, technicianId: string): Promise<(PresenceRow & { siteId: string }) | null> {
  const r = await db.selectFrom('technician_presence').selectAll().where('technician_id', '=', technicianId).executeTakeFirst();
  return r ? { technicianId: r.technician_id, siteId: r.site_id, deskId: r.desk_id, status: r.status as PresenceStatus, since: r.since } : null;
}

export async function upsertPresence(trx: Db, siteId: string, presence: PresenceRow): Promise<void> {
  const values = { site_id: siteId, desk_id: presence.deskId, status: presence.status, since: presence.since };
  await trx
    .insertInto('technician_presence')
    .values({ technician_id: presence.technicianId, ...values })
    .onConflict((oc) => oc.column('technician_id').doUpdateSet(values))
    .execute();
}

export async function findTechnician(db: Db, technicianId: string): Promise<{ id: string; name: string; queueIds: string[] } | null> {
  const tech = await db.selectFrom('technicians').select(['id', 'name']).where('id', '=', technicianId).executeTakeFirst();
  if (!tech) return null;
  const queues = await db.selectFrom('technician_queues').select('queue_id').where('technician_id', '=', technicianId).execute();
  return { ...tech, queueIds: queues.map((q) => q.queue_id) };
}
