import type { Insertable } from 'kysely';
import type { SeedFile } from '../db/seed-schema.ts';
import type { SiteConfigDb, SiteConfigTables } from './site-config-schema.ts';

type FileSite = SeedFile['sites'][number];
type CategoryColumns = Omit<Insertable<SiteConfigTables['categories']>, 'id' | 'site_id'>;
type ArchivableTable = 'queues' | 'categories' | 'desks';

/** Archives what the file no longer lists (rows stay: old visits point at them) and brings back what it lists again. */
async function archiveOthers(trx: SiteConfigDb, table: ArchivableTable, siteId: string, keep: string[], at: string): Promise<void> {
  let query = trx.updateTable(table).set({ archived_at: at }).where('site_id', '=', siteId).where('archived_at', 'is', null);
  if (keep.length > 0) query = query.where('id', 'not in', keep);
  await query.execute();
}

/**
 * Makes one site's configuration what the file says: the seed of an empty database and an import
 * into a running one both come here. Ids must already be checked to belong to this site (or be new).
 */
export async function applySiteFile(trx: SiteConfigDb, site: FileSite, at: string): Promise<void> {
  const siteColumns = {
    name: site.name,
    time_zone: site.timeZone,
    default_language: site.defaultLanguage,
    languages: JSON.stringify(site.languages),
    opening_hours: JSON.stringify(site.openingHours),
    show_names_on_display: site.showNamesOnDisplay ? 1 : 0,
    no_show_grace_seconds: site.noShowGraceSeconds ?? 120,
    escalation_groups: JSON.stringify(site.escalationGroups),
    itsm_connection: site.itsmConnection ?? null,
    retention_days: site.retentionDays ?? null,
    welcome_text: site.welcomeText ? JSON.stringify(site.welcomeText) : null,
    logo_url: site.logoUrl ?? null,
    check_in_cutoff_minutes: site.checkInCutoffMinutes ?? 0,
    archived_at: null,
  };
  await trx
    .insertInto('sites')
    .values({ id: site.id, event_seq: 0, ...siteColumns })
    .onConflict((oc) => oc.column('id').doUpdateSet(siteColumns))
    .execute();

  await trx.deleteFrom('site_closures').where('site_id', '=', site.id).execute();
  for (const [index, closure] of (site.closures ?? []).entries()) {
    await trx
      .insertInto('site_closures')
      .values({ id: `${site.id}-closure-${index + 1}-${closure.firstDay}`, site_id: site.id, first_day: closure.firstDay, last_day: closure.lastDay, message: JSON.stringify(closure.message), created_at: at })
      .execute();
  }

  for (const [index, queue] of site.queues.entries()) {
    const columns = { prefix: queue.prefix, name: JSON.stringify(queue.name), sort_order: index, itsm_assignment_group: queue.itsmAssignmentGroup ?? null, archived_at: null };
    await trx
      .insertInto('queues')
      .values({ id: queue.id, site_id: site.id, ...columns })
      .onConflict((oc) => oc.column('id').doUpdateSet(columns))
      .execute();
  }
  await archiveOthers(trx, 'queues', site.id, site.queues.map((q) => q.id), at);

  const categoryIds: string[] = [];
  const upsertCategory = async (id: string, columns: CategoryColumns) => {
    categoryIds.push(id);
    await trx.insertInto('categories').values({ id, site_id: site.id, ...columns }).onConflict((oc) => oc.column('id').doUpdateSet(columns)).execute();
  };
  const none = { queue_id: null, priority: 0, expected_service_seconds: 600, itsm_category: null, itsm_subcategory: null, itsm_assignment_group: null, itsm_vendor_fields: null };
  for (const [index, group] of site.categories.entries()) {
    await upsertCategory(group.id, { ...none, parent_id: null, label: JSON.stringify(group.label), icon: group.icon, sort_order: index, archived_at: null });
    for (const [childIndex, choice] of group.children.entries()) {
      const { rtQueue, jsmRequestType, glpiCategory } = choice.itsm ?? {};
      const vendorFields = { ...(rtQueue ? { rtQueue } : {}), ...(jsmRequestType ? { jsmRequestType } : {}), ...(glpiCategory ? { glpiCategory } : {}) };
      await upsertCategory(choice.id, {
        parent_id: group.id,
        label: JSON.stringify(choice.label),
        icon: choice.icon,
        queue_id: choice.queue,
        priority: choice.priority ?? 0,
        expected_service_seconds: choice.expectedServiceSeconds ?? 600,
        itsm_category: choice.itsm?.category ?? null,
        itsm_subcategory: choice.itsm?.subcategory ?? null,
        itsm_assignment_group: choice.itsm?.assignmentGroup ?? null,
        itsm_vendor_fields: Object.keys(vendorFields).length > 0 ? JSON.stringify(vendorFields) : null,
        sort_order: childIndex,
        archived_at: null,
      });
    }
  }
  await archiveOthers(trx, 'categories', site.id, categoryIds, at);

  for (const [index, desk] of site.desks.entries()) {
    const columns = { name: desk.name, sort_order: index, archived_at: null };
    await trx.insertInto('desks').values({ id: desk.id, site_id: site.id, ...columns }).onConflict((oc) => oc.column('id').doUpdateSet(columns)).execute();
  }
  await archiveOthers(trx, 'desks', site.id, site.desks.map((d) => d.id), at);

  // Technicians may serve several sites: only their queues at this site are replaced.
  const siteQueueIds = (await trx.selectFrom('queues').select('id').where('site_id', '=', site.id).execute()).map((q) => q.id);
  if (siteQueueIds.length > 0) await trx.deleteFrom('technician_queues').where('queue_id', 'in', siteQueueIds).execute();
  for (const technician of site.technicians) {
    const columns = { name: technician.name, email: technician.email ?? null, archived_at: null };
    await trx.insertInto('technicians').values({ id: technician.id, ...columns }).onConflict((oc) => oc.column('id').doUpdateSet(columns)).execute();
    for (const queueId of technician.queues) await trx.insertInto('technician_queues').values({ technician_id: technician.id, queue_id: queueId }).execute();
  }
}
