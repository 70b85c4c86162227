import type { LocalizedText, OpeningHours, SiteClosure } from '@walkup/domain';
import { NotFoundError } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import { withSiteConfigTables } from '../site-config/site-config-schema.ts';

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
  /** Holidays and one-off closures, oldest first. */
  closures: SiteClosure[];
  checkInCutoffMinutes: number;
  welcomeText: LocalizedText | null;
  logoUrl: string | null;
}

/** What each ITSM vendor needs beyond the generic fields (Request Tracker queue, JSM request type, GLPI category). */
export interface ItsmVendorFields {
  rtQueue?: string;
  jsmRequestType?: string;
  glpiCategory?: string;
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
  itsmVendorFields: ItsmVendorFields;
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

/** Sites in service (archived ones are left out), with their closures. */
export async function listSites(db: Db): Promise<SiteSettings[]> {
  const rows = await withSiteConfigTables(db).selectFrom('sites').selectAll().where('archived_at', 'is', null).orderBy('name').execute();
  const closures = await listClosures(db, null);
  return rows.map((row) => toSiteSettings(row, closures.get(row.id) ?? []));
}

async function listClosures(db: Db, siteId: string | null): Promise<Map<string, SiteClosure[]>> {
  let query = withSiteConfigTables(db).selectFrom('site_closures').selectAll().orderBy('first_day');
  if (siteId !== null) query = query.where('site_id', '=', siteId);
  const bySite = new Map<string, SiteClosure[]>();
  for (const row of await query.execute()) {
    const list = bySite.get(row.site_id) ?? [];
    list.push({ id: row.id, firstDay: row.first_day, lastDay: row.last_day, message: JSON.parse(row.message) });
    bySite.set(row.site_id, list);
  }
  return bySite;
}

function toSiteSettings(
  row: {
    id: string;
    name: string;
    time_zone: string;
    default_language: string;
    languages: string;
    opening_hours: string;
    show_names_on_display: number;
    no_show_grace_seconds: number;
    escalation_groups: string;
    check_in_cutoff_minutes: number;
    welcome_text: string | null;
    logo_url: string | null;
  },
  closures: SiteClosure[],
): SiteSettings {
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
    closures,
    checkInCutoffMinutes: row.check_in_cutoff_minutes,
    welcomeText: row.welcome_text ? JSON.parse(row.welcome_text) : null,
    logoUrl: row.logo_url,
  };
}

export async function findSite(db: Db, siteId: string): Promise<SiteSettings> {
  const row = await withSiteConfigTables(db).selectFrom('sites').selectAll().where('id', '=', siteId).executeTakeFirst();
  if (!row) throw new NotFoundError('site', siteId);
  return toSiteSettings(row, (await listClosures(db, siteId)).get(siteId) ?? []);
}

/** What the site offers today: archived queues, categories, desks and technicians are left out. */
export async function loadSiteSetup(db: Db, siteId: string): Promise<SiteSetup> {
  const site = await findSite(db, siteId);
  const config = withSiteConfigTables(db);
  const [queues, categories, desks, technicians] = await Promise.all([
    config.selectFrom('queues').selectAll().where('site_id', '=', siteId).where('archived_at', 'is', null).orderBy('sort_order').execute(),
    config.selectFrom('categories').selectAll().where('site_id', '=', siteId).where('archived_at', 'is', null).orderBy('sort_order').execute(),
    config.selectFrom('desks').select(['id', 'name']).where('site_id', '=', siteId).where('archived_at', 'is', null).orderBy('sort_order').execute(),
    config
      .selectFrom('technician_queues')
      .innerJoin('queues', 'queues.id', 'technician_queues.queue_id')
      .innerJoin('technicians', 'technicians.id', 'technician_queues.technician_id')
      .select(['technicians.id', 'technicians.name', 'technician_queues.queue_id'])
      .where('queues.site_id', '=', siteId)
      .where('queues.archived_at', 'is', null)
      .where('technicians.archived_at', 'is', null)
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
      itsmVendorFields: c.itsm_vendor_fields ? JSON.parse(c.itsm_vendor_fields) : {},
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
