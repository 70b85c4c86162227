import type { Db } from '../db/connection.ts';
import type { SeedFile } from '../db/seed-schema.ts';
import { withItsmTables } from '../itsm/itsm-schema.ts';
import { withAuthTables } from '../auth/auth-schema.ts';
import { listSites } from '../queries/sites.ts';
import { loadAdminSetup } from './admin-setup.ts';

type FileSite = SeedFile['sites'][number];

/** Leaves out what is not set, so an exported file reads like a hand-written one. */
const defined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as T;

async function exportSite(db: Db, siteId: string): Promise<FileSite> {
  const setup = await loadAdminSetup(db, siteId);
  const extra = await withItsmTables(db).selectFrom('sites').select('itsm_connection').where('id', '=', siteId).executeTakeFirstOrThrow();
  const retention = await withAuthTables(db).selectFrom('sites').select('retention_days').where('id', '=', siteId).executeTakeFirstOrThrow();
  const { site } = setup;
  const queues = setup.queues.filter((q) => !q.archived);
  const categories = setup.categories.filter((c) => !c.archived);
  return defined({
    id: site.id,
    name: site.name,
    timeZone: site.timeZone,
    defaultLanguage: site.defaultLanguage,
    languages: site.languages,
    openingHours: site.openingHours,
    checkInCutoffMinutes: site.checkInCutoffMinutes,
    closures: site.closures.map(({ firstDay, lastDay, message }) => ({ firstDay, lastDay, message })),
    showNamesOnDisplay: site.showNamesOnDisplay,
    noShowGraceSeconds: site.noShowGraceSeconds,
    escalationGroups: site.escalationGroups,
    retentionDays: retention.retention_days ?? undefined,
    welcomeText: site.welcomeText ?? undefined,
    logoUrl: site.logoUrl ?? undefined,
    itsmConnection: extra.itsm_connection ?? undefined,
    queues: queues.map((q) => defined({ id: q.id, prefix: q.prefix, name: q.name, itsmAssignmentGroup: q.itsmAssignmentGroup ?? undefined })),
    categories: categories
      .filter((c) => c.parentId === null)
      .map((group) => ({
        id: group.id,
        icon: group.icon,
        label: group.label,
        children: categories
          .filter((c) => c.parentId === group.id)
          .map((choice) => {
            const itsm = defined({ category: choice.itsmCategory ?? undefined, subcategory: choice.itsmSubcategory ?? undefined, assignmentGroup: choice.itsmAssignmentGroup ?? undefined, ...choice.itsmVendorFields });
            return {
              id: choice.id,
              icon: choice.icon,
              label: choice.label,
              queue: choice.queueId!,
              priority: choice.priority,
              expectedServiceSeconds: choice.expectedServiceSeconds,
              ...(Object.keys(itsm).length > 0 ? { itsm } : {}),
            };
          }),
      })),
    desks: setup.desks.filter((d) => !d.archived).map(({ id, name }) => ({ id, name })),
    technicians: setup.technicians.filter((t) => !t.archived).map((t) => defined({ id: t.id, name: t.name, email: t.email ?? undefined, queues: t.queueIds })),
  });
}

/**
 * The configuration of every site in service, in the seed file's format (the same file provisions a
 * new deployment). The people directory is left out: it is personal data, synchronised from elsewhere.
 */
export async function exportConfiguration(db: Db): Promise<SeedFile> {
  const sites = await listSites(db);
  return { sites: await Promise.all(sites.map((s) => exportSite(db, s.id))) };
}
