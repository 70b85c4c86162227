import { randomUUID } from 'node:crypto';
import { NotFoundError } from '@walkup/domain';
import { recordAudit } from '../auth/audit.ts';
import { UnauthenticatedError } from '../auth/auth-errors.ts';
import type { Actor, AuthDeps } from '../auth/auth-deps.ts';
import { consumePairingCode, findDevice, insertDevice, insertPairingCode, markDeviceRevoked } from '../auth/device-store.ts';
import { hashToken, normalisePairingCode, randomPairingCode, randomToken } from '../auth/tokens.ts';
import { findSite } from '../queries/sites.ts';

/** Long enough to walk to the kiosk and type it, short enough that a photographed code is useless. */
export const pairingCodeLifetimeMs = 15 * 60_000;

export type DeviceRole = 'kiosk' | 'display';

export async function createPairingCode(
  deps: Pick<AuthDeps, 'db' | 'now'>,
  actor: Actor,
  input: { siteId: string; role: DeviceRole; name: string },
  lifetimeMs = pairingCodeLifetimeMs,
) {
  await findSite(deps.db, input.siteId);
  const now = deps.now();
  const code = randomPairingCode();
  const expiresAt = new Date(now.getTime() + lifetimeMs).toISOString();
  await insertPairingCode(deps.db, { code_hash: hashToken(code), site_id: input.siteId, role: input.role, name: input.name, created_by: actor.label, expires_at: expiresAt });
  await recordAudit(deps.db, { at: now.toISOString(), actor: actor.label, action: 'device.pairing_code_created', target: input.siteId, ip: actor.ip, detail: { role: input.role, name: input.name } });
  return { code, siteId: input.siteId, role: input.role, name: input.name, expiresAt };
}

/** Exchanges a one-time pairing code for a device token; the token is shown once and stored hashed. */
export async function pairDevice(deps: Pick<AuthDeps, 'db' | 'now'>, input: { code: string; ip: string }) {
  const at = deps.now().toISOString();
  const deviceId = randomUUID();
  const token = randomToken();
  const device = await deps.db.transaction().execute(async (trx) => {
    const pairing = await consumePairingCode(trx, normalisePairingCode(input.code), at, deviceId);
    if (!pairing) return null;
    await insertDevice(trx, { id: deviceId, site_id: pairing.site_id, role: pairing.role, name: pairing.name, token_hash: hashToken(token), created_at: at, created_by: pairing.created_by });
    return pairing;
  });
  await recordAudit(deps.db, {
    at,
    actor: device ? `device:${deviceId}` : `ip:${input.ip}`,
    action: 'device.paired',
    target: device?.site_id ?? null,
    outcome: device ? 'ok' : 'failed',
    ip: input.ip,
    detail: device ? { role: device.role, name: device.name } : { reason: 'unknown_or_used_code' },
  });
  if (!device) throw new UnauthenticatedError('bad_pairing_code', 'this pairing code is unknown, expired or already used; ask an admin for a new one');
  return { token, deviceId, siteId: device.site_id, role: device.role, name: device.name };
}

/** Revocation is immediate: the next request is refused and open websockets are closed now. */
export async function revokeDevice(deps: Pick<AuthDeps, 'db' | 'now' | 'connections'>, actor: Actor, deviceId: string) {
  const device = await findDevice(deps.db, deviceId);
  if (!device) throw new NotFoundError('device', deviceId);
  const at = deps.now().toISOString();
  await markDeviceRevoked(deps.db, deviceId, at);
  const closed = deps.connections.closeDevice(deviceId);
  await recordAudit(deps.db, { at, actor: actor.label, action: 'device.revoked', target: deviceId, ip: actor.ip, detail: { siteId: device.site_id, role: device.role, closedConnections: closed } });
  return { id: device.id, revokedAt: device.revoked_at ?? at };
}
