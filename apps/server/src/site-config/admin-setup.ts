import { NotFoundError } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import { findSite } from '../queries/sites.ts';
import type { AdminSetupView } from './config-schemas.ts';
import { withSiteConfigTables } from './site-config-schema.ts';

const json = <T>(text: string | null, fallback: T): T => (text ? (JSON.parse(text) as T) : fallback);

/** A site's whole configuration as admins edit it: archived items included and flagged. */
export async function loadAdminSetup(db: Db, siteId: string): Promise<AdminSetupView> {
  const config = withSiteConfigTables(db);
  const row = await config.selectFrom('sites').select(['archived_at']).where('id', '=', siteId).executeTakeFirst();
  if (!row) throw new NotFoundError('site', siteId);
  const site = await findSite(db, siteId);
  const [queues, waiting, categories, desks, technicians] = await Promise.all([
    config.selectFrom('queues').selectAll().where('site_id', '=', siteId).orderBy('sort_order').execute(),
    config
      .selectFrom('visits')
      .select((eb) => ['queue_id', eb.fn.countAll<number>().as('count')])
      .where('site_id', '=', siteId)
      .where('state', '=', 'waiting')
      .groupBy('queue_id')
      .execute(),
    config.selectFrom('categories').selectAll().where('site_id', '=', siteId).orderBy('sort_order').execute(),
    config.selectFrom('desks').selectAll().where('site_id', '=', siteId).orderBy('sort_order').execute(),
    config
      .selectFrom('technicians')
      .innerJoin('technician_queues', 'technician_queues.technician_id', 'technicians.id')
      .innerJoin('queues', 'queues.id', 'technician_queues.queue_id')
      .select(['technicians.id', 'technicians.name', 'technicians.email', 'technicians.archived_at', 'technician_queues.queue_id'])
      .where('queues.site_id', '=', siteId)
      .orderBy('technicians.name')
      .execute(),
  ]);
  const waitingBy = new Map(waiting.map((w) => [w.queue_id, Number(w.count)]));
  const byTechnician = new Map<string, AdminSetupView['technicians'][number]>();
  for (const t of technicians) {
    const entry = byTechnician.get(t.id) ?? { id: t.id, name: t.name, email: t.email, queueIds: [], archived: t.archived_at !== null };
    entry.queueIds.push(t.queue_id);
    byTechnician.set(t.id, entry);
  }
  return {
    site: {
      id: site.id,
      name: site.name,
      timeZone: site.timeZone,
      defaultLanguage: site.defaultLanguage,
      languages: site.languages,
      archived: row.archived_at !== null,
      openingHours: site.openingHours,
      checkInCutoffMinutes: site.checkInCutoffMinutes,
      closures: site.closures,
      noShowGraceSeconds: site.noShowGraceSeconds,
      escalationGroups: site.escalationGroups,
      showNamesOnDisplay: site.showNamesOnDisplay,
      welcomeText: site.welcomeText,
      logoUrl: site.logoUrl,
    },
    queues: queues.map((q) => ({
      id: q.id,
      prefix: q.prefix,
      name: json(q.name, {}),
      itsmAssignmentGroup: q.itsm_assignment_group,
      archived: q.archived_at !== null,
      waitingCount: waitingBy.get(q.id) ?? 0,
    })),
    categories: categories.map((c) => ({
      id: c.id,
      parentId: c.parent_id,
      label: json(c.label, {}),
      icon: c.icon,
      queueId: c.queue_id,
      priority: c.priority,
      expectedServiceSeconds: c.expected_service_seconds,
      itsmCategory: c.itsm_category,
      itsmSubcategory: c.itsm_subcategory,
      itsmAssignmentGroup: c.itsm_assignment_group,
      itsmVendorFields: json(c.itsm_vendor_fields, {}),
      archived: c.archived_at !== null,
    })),
    desks: desks.map((d) => ({ id: d.id, name: d.name, archived: d.archived_at !== null })),
    technicians: [...byTechnician.values()],
  };
}

/** Whether an id is taken anywhere (ids are global: visits and accounts point at them). */
export async function idTaken(db: Db, table: 'sites' | 'queues' | 'categories' | 'desks' | 'technicians', id: string): Promise<boolean> {
  return (await withSiteConfigTables(db).selectFrom(table).select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
