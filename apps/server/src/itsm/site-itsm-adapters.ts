import { createAdapter, createNoopAdapter, ItsmError, type FetchLike, type ItsmAdapter, type ItsmConnections } from '@walkup/itsm';
import type { Db } from '../db/connection.ts';
import type { SecretBox } from './connection-secrets.ts';
import { withItsmTables } from './itsm-schema.ts';
import { defaultConnectionName, noConnectionName } from './itsm-connections.ts';
import { listStoredConnections, storedConfig, type StoredConnectionRow } from './stored-connections.ts';

export interface SiteItsmAdapters {
  /** The adapter of the site's connection; sites unknown at the last load use `default`. */
  adapterFor(siteId: string): ItsmAdapter;
  /** The connection name each site uses, as of the last load. */
  readonly connectionOfSite: ReadonlyMap<string, string>;
  /** The adapter of a connection stored in the database, whether or not a site uses it yet (the Test button). */
  storedAdapter(name: string): ItsmAdapter | null;
  /** Connections of the environment and WALKUP_ITSM_CONNECTIONS_FILE: read-only in the console. */
  readonly bootstrap: ItsmConnections;
  /** Reads sites and stored connections again; adapters of unchanged connections are kept (breaker, tokens). */
  reload(): Promise<void>;
}

export interface SiteItsmAdapterOptions {
  fetchImpl?: FetchLike;
  /** Opens stored secrets; null when WALKUP_ITSM_SECRET_KEY is not set. */
  secretBox?: SecretBox | null;
  /** Adapter of the sites on environment/file connections (tests hand in fakes); built from `connections` otherwise. */
  bootstrapAdapterFor?: (siteId: string) => ItsmAdapter;
}

/**
 * Maps each site to the adapter of the connection it names (`sites.itsm_connection`, null for
 * `default`): the environment's and the file's, or one an admin stored in the database. One adapter
 * per connection, shared by its sites, so each connection keeps a single breaker, token cache and
 * session. `reload()` after an admin's change hands the ITSM worker the new adapter without a restart.
 * At start a site naming an unknown connection is an error; later (a change made elsewhere) its
 * creates wait behind a failing set-up check instead of being dropped.
 */
export async function createSiteItsmAdapters(db: Db, connections: ItsmConnections, options: SiteItsmAdapterOptions = {}): Promise<SiteItsmAdapters> {
  const noop = createNoopAdapter();
  const bootstrapAdapters = new Map<string, ItsmAdapter>();
  const stored = new Map<string, { fingerprint: string; adapter: ItsmAdapter }>();
  let connectionOfSite = new Map<string, string>();

  const bootstrapAdapter = (name: string): ItsmAdapter => {
    let adapter = bootstrapAdapters.get(name);
    if (!adapter) bootstrapAdapters.set(name, (adapter = createAdapter(connections[name]!, options.fetchImpl)));
    return adapter;
  };

  function refreshStored(rows: StoredConnectionRow[]): void {
    for (const name of stored.keys()) if (!rows.some((row) => row.name === name)) stored.delete(name);
    for (const row of rows) {
      const fingerprint = `${row.updated_at}\n${row.vendor}\n${row.settings}\n${row.secrets ?? ''}`;
      if (stored.get(row.name)?.fingerprint === fingerprint) continue;
      let adapter: ItsmAdapter;
      try {
        adapter = createAdapter(storedConfig(row, options.secretBox ?? null), options.fetchImpl);
      } catch (error) {
        adapter = createUnavailableAdapter(row.name, row.vendor, (error as Error).message);
      }
      stored.set(row.name, { fingerprint, adapter });
    }
  }

  const isKnown = (name: string) => name === noConnectionName || name === defaultConnectionName || stored.has(name) || Object.hasOwn(connections, name);
  const unknownAdapters = new Map<string, ItsmAdapter>();

  /** Resolved on every call, not at load: fakes handed in by tests may be built after the app. */
  function adapterOfSite(siteId: string, name: string): ItsmAdapter {
    if (name === noConnectionName) return noop;
    const own = stored.get(name)?.adapter;
    if (own) return own;
    if (!isKnown(name)) {
      let adapter = unknownAdapters.get(name);
      if (!adapter) unknownAdapters.set(name, (adapter = createUnavailableAdapter(name, 'unknown', `ITSM connection '${name}' is not configured.`)));
      return adapter;
    }
    if (options.bootstrapAdapterFor) return options.bootstrapAdapterFor(siteId);
    return Object.hasOwn(connections, name) ? bootstrapAdapter(name) : noop;
  }

  async function load(strict: boolean): Promise<void> {
    const [sites, rows] = await Promise.all([
      withItsmTables(db).selectFrom('sites').select(['id', 'itsm_connection']).orderBy('id').execute(),
      listStoredConnections(db),
    ]);
    refreshStored(rows);
    const names = new Map(sites.map((site) => [site.id, site.itsm_connection ?? defaultConnectionName]));
    const unknown = [...names].filter(([, name]) => !isKnown(name));
    if (strict && unknown.length > 0) {
      const which = unknown.map(([site, name]) => `site '${site}' uses ITSM connection '${name}', which is not configured`).join('; ');
      throw new Error(`${which} (configured: ${[...Object.keys(connections), ...stored.keys(), noConnectionName].join(', ')}; see WALKUP_ITSM_CONNECTIONS_FILE)`);
    }
    connectionOfSite = names;
  }

  await load(true);
  return {
    adapterFor: (siteId) => adapterOfSite(siteId, connectionOfSite.get(siteId) ?? defaultConnectionName),
    get connectionOfSite() {
      return connectionOfSite;
    },
    storedAdapter: (name) => stored.get(name)?.adapter ?? null,
    bootstrap: connections,
    reload: () => load(false),
  };
}

/**
 * Stands in for a connection that cannot be built (secrets sealed with another key, a name nobody
 * configured): its set-up check fails with the reason, so creates wait and the health view says why.
 */
function createUnavailableAdapter(name: string, vendor: string, reason: string): ItsmAdapter {
  const refuse = async (): Promise<never> => {
    throw new ItsmError(reason, false, null, null, true);
  };
  return {
    vendor,
    connectionName: name,
    createsTickets: true,
    createTicket: refuse,
    updateTicket: refuse,
    findByCorrelationId: refuse,
    async checkSetup() {
      return [{ check: 'connection', ok: false, message: reason }];
    },
    async health() {
      return { ok: false, detail: reason };
    },
  };
}
