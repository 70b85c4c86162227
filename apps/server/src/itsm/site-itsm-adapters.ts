import { createAdapter, createNoopAdapter, type FetchLike, type ItsmAdapter, type ItsmConnections } from '@walkup/itsm';
import type { Db } from '../db/connection.ts';
import { withItsmTables } from './itsm-schema.ts';
import { defaultConnectionName, noConnectionName } from './itsm-connections.ts';

export interface SiteItsmAdapters {
  /** The adapter of the site's connection; sites unknown at start use `default`. */
  adapterFor(siteId: string): ItsmAdapter;
  /** The connection name each site uses, for the start-up log. */
  connectionOfSite: ReadonlyMap<string, string>;
}

/**
 * Maps each site to the adapter of the connection it names (`sites.itsm_connection`, null for
 * `default`). One adapter per connection, shared by its sites, so each connection keeps a single
 * breaker, token cache and session. Read once at start: changing a site's connection needs a restart.
 */
export async function createSiteItsmAdapters(db: Db, connections: ItsmConnections, fetchImpl?: FetchLike): Promise<SiteItsmAdapters> {
  const sites = await withItsmTables(db).selectFrom('sites').select(['id', 'itsm_connection']).orderBy('id').execute();
  const connectionOfSite = new Map(sites.map((site) => [site.id, site.itsm_connection ?? defaultConnectionName]));
  const unknown = [...connectionOfSite].filter(([, name]) => name !== noConnectionName && !Object.hasOwn(connections, name));
  if (unknown.length > 0) {
    const which = unknown.map(([site, name]) => `site '${site}' uses ITSM connection '${name}', which is not configured`).join('; ');
    throw new Error(`${which} (configured: ${[...Object.keys(connections), noConnectionName].join(', ')}; see WALKUP_ITSM_CONNECTIONS_FILE)`);
  }
  const adapters = new Map<string, ItsmAdapter>([[noConnectionName, createNoopAdapter()]]);
  const adapterOf = (name: string): ItsmAdapter => {
    let adapter = adapters.get(name);
    if (!adapter) adapters.set(name, (adapter = createAdapter(connections[name]!, fetchImpl)));
    return adapter;
  };
  const bySite = new Map([...connectionOfSite].map(([site, name]) => [site, adapterOf(name)]));
  const fallback = adapterOf(defaultConnectionName);
  return { adapterFor: (siteId) => bySite.get(siteId) ?? fallback, connectionOfSite };
}
