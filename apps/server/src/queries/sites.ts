import type { LocalizedText, OpeningHours } from '@walkup/domain';
import { NotFoundError } from '@walkup/domain';
import type { Db } from '../db/connection.ts';

export interface SiteSettings {
  id: string;
  name: string;
  timeZone: string;
  defaultLanguage: string;
  languages: string[];
  openingHours: OpeningHours;
  showNamesOnDisplay: boolean;
  noShowGraceSeconds: number;
  escalationGroups: string[];
}

export interface CategorySettings {
  id: string;
  parentId: string | null;
  label: LocalizedText;
  icon: string;
  queueId: string | null;
  priority: number;
  expectedServiceSeconds: number;
  itsmCategory: string | null;
  itsmSubcategory: string | null;
  itsmAssignmentGroup: string | null;
}

export interface QueueSettings {
  id: string;
  prefix: string;
  name: LocalizedText;
  itsmAssignmentGroup: string | null;
}

/** Everything configured for one site, loaded in one go. */
export interface SiteSetup {
  site: SiteSettings;
  queues: QueueSettings[];
  categories: CategorySettings[];
  desks: Array<{ id: string; name: string }>;
  technicians: Array<{ id: string; name: string; queueIds: string[] }>;
}

export async function listSites(db: Db): Promise<SiteSettings[]> {
  const rows = await db.selectFrom('sites').selectAll().orderBy('name').execute();
  return rows.map(toSiteSettings);
}

function toSiteSettings(row: {
  id: string;
  name: string;
  time_zone: string;
  default_language: string;
  languages: string;
  opening_hours: string;
  show_names_on_display: number;
  no_show_grace_seconds: number;
  escalation_groups: string;
}): SiteSettings {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    defaultLanguage: row.default_language,
    languages: JSON.parse(row.languages),
    openingHours: JSON.parse(row.opening_hours),
    showNamesOnDisplay: row.show_names_on_display === 1,
    noShowGraceSeconds: row.no_show_grace_seconds,
    escalationGroups: JSON.parse(row.escalation_groups),
  };
}

export async function findSite(db: Db, siteId: string): Promise<SiteSettings> {
  const row = await db.selectFrom('sites').selectAll().where('id', '=', siteId).executeTakeFirst();
  if (!row) throw new NotFoundError('site', siteId);
  return toSiteSettings(row);
}

export async function loadSiteSetup(db: Db, siteId: string): Promise<SiteSetup> {
  const site = await findSite(db, siteId);
  const [queues, categories, desks, technicians] = await Promise.all([
    db.selectFrom('queues').selectAll().where('site_id', '=', siteId).orderBy('sort_order').execute(),
    db.selectFrom('categories').selectAll().where('site_id', '=', siteId).orderBy('sort_order').execute(),
    db.selectFrom('desks').select(['id', 'name']).where('site_id', '=', siteId).orderBy('sort_order').execute(),
    db
      .selectFrom('technician_queues')
      .innerJoin('queues', 'queues.id', 'technician_queues.queue_id')
      .innerJoin('technicians', 'technicians.id', 'technician_queues.technician_id')
      .select(['technicians.id', 'technicians.name', 'technician_queues.queue_id'])
      .where('queues.site_id', '=', siteId)
      .orderBy('technicians.name')
      .execute(),
  ]);
  const byTechnician = new Map<string, { id: string; name: string; queueIds: string[] }>();
  for (const row of technicians) {
    const entry = byTechnician.get(row.id) ?? { id: row.id, name: row.name, queueIds: [] };
    entry.queueIds.push(row.queue_id);
    byTechnician.set(row.id, entry);
  }
  return {
    site,
    queues: queues.map((q) => ({ id: q.id, prefix: q.prefix, name: JSON.parse(q.name), itsmAssignmentGroup: q.itsm_assignment_group })),
    categories: categories.map((c) => ({
      id: c.id,
      parentId: c.parent_id,
      label: JSON.parse(c.label),
      icon: c.icon,
      queueId: c.queue_id,
      priority: c.priority,
      expectedServiceSeconds: c.expected_service_seconds,
      itsmCategory: c.itsm_category,
      itsmSubcategory: c.itsm_subcategory,
      itsmAssignmentGroup: c.itsm_assignment_group,
    })),
    desks,
    technicians: [...byTechnician.values()],
  };
}

export async function findDeskSite(db: Db, deskId: string): Promise<{ id: string; name: string; siteId: string }> {
  const row = await db.selectFrom('desks').select(['id', 'name', 'site_id']).where('id', '=', deskId).executeTakeFirst();
  if (!row) throw new NotFoundError('desk', deskId);
  return { id: row.id, name: row.name, siteId: row.site_id };
}
