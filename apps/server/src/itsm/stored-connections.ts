import type { ItsmConnectionConfig, ItsmVendor } from '@walkup/itsm';
import type { Db } from '../db/connection.ts';
import { mergeSecrets, type SecretBox, type SecretValues } from './connection-secrets.ts';
import { withItsmTables, type ItsmStoredConnectionsTable } from './itsm-schema.ts';

export type StoredConnectionRow = ItsmStoredConnectionsTable;

export async function listStoredConnections(db: Db): Promise<StoredConnectionRow[]> {
  return withItsmTables(db).selectFrom('itsm_stored_connections').selectAll().orderBy('name').execute();
}

export async function findStoredConnection(db: Db, name: string): Promise<StoredConnectionRow | undefined> {
  return withItsmTables(db).selectFrom('itsm_stored_connections').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function insertStoredConnection(db: Db, row: StoredConnectionRow): Promise<void> {
  await withItsmTables(db).insertInto('itsm_stored_connections').values(row).execute();
}

export async function updateStoredConnection(db: Db, name: string, values: Pick<StoredConnectionRow, 'vendor' | 'settings' | 'secrets' | 'secret_fields' | 'updated_at'>): Promise<void> {
  await withItsmTables(db).updateTable('itsm_stored_connections').set(values).where('name', '=', name).execute();
}

export async function deleteStoredConnection(db: Db, name: string): Promise<void> {
  await withItsmTables(db).deleteFrom('itsm_stored_connections').where('name', '=', name).execute();
}

/** Sites naming the connection (`default` stands for sites naming none). */
export async function sitesUsingConnection(db: Db, name: string, defaultName: string): Promise<string[]> {
  let query = withItsmTables(db).selectFrom('sites').select('id').orderBy('id');
  query = name === defaultName ? query.where((eb) => eb.or([eb('itsm_connection', 'is', null), eb('itsm_connection', '=', name)])) : query.where('itsm_connection', '=', name);
  return (await query.execute()).map((s) => s.id);
}

export function storedSecrets(row: StoredConnectionRow, box: SecretBox | null): SecretValues {
  if (!row.secrets) return {};
  if (!box) throw new Error(`ITSM connection '${row.name}' has stored secrets but WALKUP_ITSM_SECRET_KEY is not set`);
  return box.open(row.secrets);
}

/** The adapter config of a stored connection: settings and decrypted secrets, named after the row. */
export function storedConfig(row: StoredConnectionRow, box: SecretBox | null): ItsmConnectionConfig {
  const settings = JSON.parse(row.settings) as Record<string, unknown>;
  return { ...mergeSecrets(settings, storedSecrets(row, box)), vendor: row.vendor as ItsmVendor, name: row.name } as ItsmConnectionConfig;
}
