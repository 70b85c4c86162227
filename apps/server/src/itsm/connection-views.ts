import type { ItsmConnectionConfig } from '@walkup/itsm';
import type { Db } from '../db/connection.ts';
import { splitSecrets } from './connection-secrets.ts';
import { withSiteConfigTables } from '../site-config/site-config-schema.ts';
import { defaultConnectionName } from './itsm-connections.ts';
import type { SiteItsmAdapters } from './site-itsm-adapters.ts';
import { listStoredConnections } from './stored-connections.ts';

/** A connection as admins see it: every field but the secrets, which only say that they are set. */
export interface ConnectionView {
  name: string;
  vendor: string;
  /** `stored`: managed in the console; `configured`: from the environment or WALKUP_ITSM_CONNECTIONS_FILE, read-only. */
  source: 'stored' | 'configured';
  settings: Record<string, unknown>;
  /** Secret fields by path (`token`, `auth.password`); values never leave the server. */
  secrets: Record<string, { set: true }>;
  sites: string[];
  updatedAt: string | null;
}

const setFlags = (paths: string[]) => Object.fromEntries(paths.map((path) => [path, { set: true as const }]));

export async function listConnectionViews(db: Db, adapters: SiteItsmAdapters) {
  const sites = await withSiteConfigTables(db).selectFrom('sites').select(['id', 'name', 'itsm_connection']).where('archived_at', 'is', null).orderBy('name').execute();
  const sitesOf = (name: string) => sites.filter((s) => (s.itsm_connection ?? defaultConnectionName) === name).map((s) => s.id);
  const configured: ConnectionView[] = Object.entries(adapters.bootstrap).map(([name, config]) => {
    const { vendor, name: _shownAs, ...fields } = config as ItsmConnectionConfig & Record<string, unknown>;
    const { settings, secrets } = splitSecrets(fields);
    return { name, vendor, source: 'configured', settings, secrets: setFlags(Object.keys(secrets)), sites: sitesOf(name), updatedAt: null };
  });
  const stored: ConnectionView[] = (await listStoredConnections(db)).map((row) => ({
    name: row.name,
    vendor: row.vendor,
    source: 'stored',
    settings: JSON.parse(row.settings) as Record<string, unknown>,
    secrets: setFlags(JSON.parse(row.secret_fields) as string[]),
    sites: sitesOf(row.name),
    updatedAt: row.updated_at,
  }));
  return { connections: [...configured, ...stored], sites: sites.map((s) => ({ id: s.id, name: s.name, connection: s.itsm_connection ?? defaultConnectionName })) };
}
