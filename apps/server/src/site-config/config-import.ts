import type { FastifyRequest } from 'fastify';
import { ConflictError } from '@walkup/domain';
import { actorOf } from '../auth/actor.ts';
import { recordAudit } from '../auth/audit.ts';
import type { Db } from '../db/connection.ts';
import type { SeedFile } from '../db/seed-schema.ts';
import { commitChange } from '../use-cases/commit-change.ts';
import type { UseCaseDeps } from '../use-cases/deps.ts';
import { applySiteFile } from './apply-config-file.ts';
import { liveLists } from './config-change.ts';
import { withSiteConfigTables } from './site-config-schema.ts';

/** Ids in the file that another site owns: importing would move them (and their history) between sites. */
export async function findForeignIds(db: Db, file: SeedFile): Promise<string[]> {
  const config = withSiteConfigTables(db);
  const mistakes: string[] = [];
  for (const [index, site] of file.sites.entries()) {
    const lists = {
      queues: site.queues.map((q) => q.id),
      categories: site.categories.flatMap((c) => [c.id, ...c.children.map((child) => child.id)]),
      desks: site.desks.map((d) => d.id),
    } as const;
    for (const table of ['queues', 'categories', 'desks'] as const) {
      if (lists[table].length === 0) continue;
      const rows = await config.selectFrom(table).select(['id', 'site_id']).where('id', 'in', lists[table]).where('site_id', '!=', site.id).execute();
      for (const row of rows) mistakes.push(`/sites/${index}/${table}: '${row.id}' belongs to site '${row.site_id}'; give it another id`);
    }
  }
  return mistakes;
}

/** Queues the import would archive while visitors are still in them. */
async function refuseArchivingBusyQueues(trx: Db, file: SeedFile): Promise<void> {
  for (const site of file.sites) {
    let query = withSiteConfigTables(trx)
      .selectFrom('visits')
      .select(['queue_id', 'ticket_number'])
      .where('site_id', '=', site.id)
      .where('state', 'in', ['waiting', 'called', 'in_service']);
    const kept = site.queues.map((q) => q.id);
    if (kept.length > 0) query = query.where('queue_id', 'not in', kept);
    const busy = await query.executeTakeFirst();
    if (busy) throw new ConflictError('queue_has_visitors', `site '${site.id}': queue '${busy.queue_id}' is missing from the file but ticket ${busy.ticket_number} is still in it; serve its visitors first`);
  }
}

/**
 * Makes every site in the file what the file says, all in one transaction: sites not in the file are
 * left alone; queues, categories and desks a listed site no longer has are archived, not deleted.
 */
export async function importConfiguration(deps: UseCaseDeps, request: FastifyRequest, file: SeedFile): Promise<string[]> {
  const actor = actorOf(request);
  const siteIds = file.sites.map((s) => s.id);
  await commitChange(deps, async (trx, append, at) => {
    await refuseArchivingBusyQueues(trx, file);
    const config = withSiteConfigTables(trx);
    for (const site of file.sites) {
      await applySiteFile(config, site, at);
      const lists = await liveLists(config, site.id);
      await append({ siteId: site.id, type: 'site.config_changed', visitId: null, data: { change: 'configuration.imported', target: null, by: actor.label, ...lists } });
      deps.setups.invalidate(site.id);
    }
    await recordAudit(trx, { at, actor: actor.label, action: 'config.configuration.imported', target: siteIds.join(','), ip: actor.ip, detail: { sites: siteIds } });
  });
  for (const siteId of siteIds) deps.setups.invalidate(siteId);
  return siteIds;
}
