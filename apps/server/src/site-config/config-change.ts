import type { FastifyRequest } from 'fastify';
import { actorOf } from '../auth/actor.ts';
import { recordAudit } from '../auth/audit.ts';
import { commitChange } from '../use-cases/commit-change.ts';
import type { UseCaseDeps } from '../use-cases/deps.ts';
import { withSiteConfigTables, type SiteConfigDb } from './site-config-schema.ts';

export interface ConfigChange {
  siteId: string;
  /** e.g. `queue.created`; the audit action is `config.<change>`. */
  change: string;
  target: string | null;
  /** What the audit log keeps of the request (never secrets). */
  detail?: Record<string, unknown>;
}

/** Queues and desks in service, as live views hold them (the config event carries them). */
export async function liveLists(trx: SiteConfigDb, siteId: string) {
  const [queues, desks] = await Promise.all([
    trx.selectFrom('queues').select(['id', 'prefix', 'name']).where('site_id', '=', siteId).where('archived_at', 'is', null).orderBy('sort_order').execute(),
    trx.selectFrom('desks').select(['id', 'name']).where('site_id', '=', siteId).where('archived_at', 'is', null).orderBy('sort_order').execute(),
  ]);
  return { queues: queues.map((q) => ({ id: q.id, prefix: q.prefix, name: JSON.parse(q.name) as Record<string, string> })), desks };
}

/**
 * Applies an admin's configuration change, its `site.config_changed` event and its audit entry in
 * one transaction: validation failures thrown by `work` leave nothing behind. Once committed, the
 * event reaches every screen of the site (they refetch the configuration) and the cached setup is dropped.
 */
export async function commitConfigChange<T>(deps: UseCaseDeps, request: FastifyRequest, change: ConfigChange, work: (trx: SiteConfigDb, at: string) => Promise<T>): Promise<T> {
  const actor = actorOf(request);
  const result = await commitChange(deps, async (trx, append, at) => {
    const value = await work(withSiteConfigTables(trx), at);
    const lists = await liveLists(withSiteConfigTables(trx), change.siteId);
    await append({ siteId: change.siteId, type: 'site.config_changed', visitId: null, data: { change: change.change, target: change.target, by: actor.label, ...lists } });
    await recordAudit(trx, { at, actor: actor.label, action: `config.${change.change}`, target: change.target ?? change.siteId, ip: actor.ip, detail: change.detail ?? null });
    // Dropped before the event is announced too: its listeners (estimates) read the setup at once.
    deps.setups.invalidate(change.siteId);
    return value;
  });
  deps.setups.invalidate(change.siteId);
  return result;
}
