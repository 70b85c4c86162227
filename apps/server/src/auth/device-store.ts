import type { Db } from '../db/connection.ts';
import { withAuthTables, type AuthDevicesTable, type AuthPairingCodesTable } from './auth-schema.ts';
import type { Principal } from './principal.ts';
import { hashToken } from './tokens.ts';

/**
 * Kiosks and displays send their token with every request, and its lookup was a noticeable part of a
 * check-in. Known devices are remembered briefly per database; revoking through this module forgets
 * them at once, and the time limit bounds how long a revocation made elsewhere (another instance)
 * takes to apply.
 */
const knownDevices = new WeakMap<Db, { generation: number; devices: Map<string, { principal: Principal; until: number }> }>();
const knownDeviceMs = 5_000;

function knownDevicesOf(db: Db) {
  let known = knownDevices.get(db);
  if (!known) knownDevices.set(db, (known = { generation: 0, devices: new Map() }));
  return known;
}

/** Forgets every remembered device; a lookup already in flight will not remember its answer either. */
function forgetKnownDevices(db: Db): void {
  const known = knownDevicesOf(db);
  known.generation += 1;
  known.devices.clear();
}

/** The enrolled device behind a bearer token, or null when unknown or revoked. */
export async function principalOfDeviceToken(db: Db, token: string): Promise<Principal | null> {
  const tokenHash = hashToken(token);
  const known = knownDevicesOf(db);
  const remembered = known.devices.get(tokenHash);
  if (remembered && remembered.until > Date.now()) return remembered.principal;
  const generation = known.generation;
  const row = await withAuthTables(db)
    .selectFrom('auth_devices')
    .select(['id', 'site_id', 'role', 'name'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const principal: Principal = { kind: 'device', role: row.role, deviceId: row.id, name: row.name, siteIds: [row.site_id] };
  if (known.generation === generation) known.devices.set(tokenHash, { principal, until: Date.now() + knownDeviceMs });
  return principal;
}

export async function insertDevice(db: Db, row: Omit<AuthDevicesTable, 'last_seen_at' | 'revoked_at'>): Promise<void> {
  await withAuthTables(db).insertInto('auth_devices').values({ ...row, last_seen_at: null, revoked_at: null }).execute();
}

export async function listDevices(db: Db, siteId?: string) {
  let query = withAuthTables(db)
    .selectFrom('auth_devices')
    .select(['id', 'site_id', 'role', 'name', 'created_at', 'created_by', 'last_seen_at', 'revoked_at'])
    .orderBy('created_at');
  if (siteId) query = query.where('site_id', '=', siteId);
  return query.execute();
}

export async function findDevice(db: Db, deviceId: string) {
  return withAuthTables(db).selectFrom('auth_devices').select(['id', 'site_id', 'role', 'name', 'revoked_at']).where('id', '=', deviceId).executeTakeFirst();
}

export async function markDeviceRevoked(db: Db, deviceId: string, at: string): Promise<boolean> {
  forgetKnownDevices(db);
  const result = await withAuthTables(db).updateTable('auth_devices').set({ revoked_at: at }).where('id', '=', deviceId).where('revoked_at', 'is', null).executeTakeFirst();
  forgetKnownDevices(db);
  return Number(result.numUpdatedRows) === 1;
}

export async function touchDevice(db: Db, deviceId: string, at: string): Promise<void> {
  await withAuthTables(db).updateTable('auth_devices').set({ last_seen_at: at }).where('id', '=', deviceId).execute();
}

/** Admins need "seen a minute ago", not every request: one write per device and minute at most. */
const seenWriteIntervalMs = 60_000;
const lastSeenWrites = new WeakMap<Db, Map<string, number>>();

/** Records that a device called (a request or a websocket connect), throttled. */
export async function noteDeviceSeen(db: Db, deviceId: string, now: Date): Promise<void> {
  let writes = lastSeenWrites.get(db);
  if (!writes) lastSeenWrites.set(db, (writes = new Map()));
  const last = writes.get(deviceId);
  if (last !== undefined && now.getTime() - last < seenWriteIntervalMs) return;
  writes.set(deviceId, now.getTime());
  await touchDevice(db, deviceId, now.toISOString());
}

export async function insertPairingCode(db: Db, row: Omit<AuthPairingCodesTable, 'used_at' | 'device_id'>): Promise<void> {
  await withAuthTables(db).insertInto('auth_pairing_codes').values({ ...row, used_at: null, device_id: null }).execute();
}

/** Marks an unused, unexpired code as used; the compare-and-set makes each code work exactly once. */
export async function consumePairingCode(db: Db, code: string, at: string, deviceId: string): Promise<AuthPairingCodesTable | null> {
  const codeHash = hashToken(code);
  const result = await withAuthTables(db)
    .updateTable('auth_pairing_codes')
    .set({ used_at: at, device_id: deviceId })
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return null;
  return (await withAuthTables(db).selectFrom('auth_pairing_codes').selectAll().where('code_hash', '=', codeHash).executeTakeFirst()) ?? null;
}
