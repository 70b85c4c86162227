import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/connection.ts';
import { insertDevice } from './device-store.ts';
import { hashToken, randomToken } from './tokens.ts';
import { countUsers } from './user-store.ts';
import { createAccount } from './create-account.ts';
import { createPairingCode } from '../admin/devices.ts';

export interface DemoCredentials {
  siteId: string;
  kioskToken: string;
  displayToken: string;
  technician: { username: string; password: string };
  admin: { username: string; password: string };
}

/** The demo technician signs in as Alex Martin of the demo site (hardware and software queues). */
export const demoTechnicianId = 'tech-alex';
export const demoSiteId = 'hq';
export const demoCredentialsFileName = 'demo-credentials.json';


export async function createDeviceWithToken(db: Db, device: { siteId: string; role: 'kiosk' | 'display'; name: string; token: string }, at: string): Promise<string> {
  const id = randomUUID();
  await insertDevice(db, { id, site_id: device.siteId, role: device.role, name: device.name, token_hash: hashToken(device.token), created_at: at, created_by: 'demo' });
  return id;
}

/** The demo credentials, and whether this start created them (only then are secrets printed). */
export type DemoAccess = DemoCredentials & { createdNow: boolean };

/**
 * Demo mode on a database without accounts: a technician demo/demo, an admin with a generated
 * password, and a paired kiosk and display for the demo site, written next to the database file
 * (0600). On later starts the file written the first time is read back (tokens are stored only hashed).
 */
export async function ensureDemoAccess(db: Db, dataDir: string, now: Date): Promise<DemoAccess | null> {
  const file = path.join(dataDir, demoCredentialsFileName);
  if ((await countUsers(db)) > 0) {
    return existsSync(file) ? { ...(JSON.parse(readFileSync(file, 'utf8')) as DemoCredentials), createdNow: false } : null;
  }
  const site = await db.selectFrom('sites').select('id').where('id', '=', demoSiteId).executeTakeFirst();
  const technician = await db.selectFrom('technicians').select('id').where('id', '=', demoTechnicianId).executeTakeFirst();
  if (!site || !technician) return null;
  const at = now.toISOString();
  const credentials: DemoCredentials = {
    siteId: demoSiteId,
    kioskToken: randomToken(),
    displayToken: randomToken(),
    technician: { username: 'demo', password: 'demo' },
    admin: { username: 'admin', password: randomToken(12) },
  };
  await db.transaction().execute(async (trx) => {
    await createAccount(trx, { ...credentials.technician, displayName: 'Demo technician (Alex Martin)', role: 'technician', technicianId: demoTechnicianId }, at);
    await createAccount(trx, { ...credentials.admin, displayName: 'Demo admin', role: 'admin', technicianId: null }, at);
    await createDeviceWithToken(trx, { siteId: demoSiteId, role: 'kiosk', name: 'Demo kiosk', token: credentials.kioskToken }, at);
    await createDeviceWithToken(trx, { siteId: demoSiteId, role: 'display', name: 'Demo display', token: credentials.displayToken }, at);
  });
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  return { ...credentials, createdNow: true };
}

/** Printed links pair a screen once; an hour leaves time to read the output and walk to the screen. */
const demoPairingLinkMs = 60 * 60_000;

/**
 * One-time pairing links for the demo kiosk and display (`?pair=<code>`): a link in a terminal's
 * scrollback or a shell history must not be a lasting credential, so the device tokens themselves
 * are never printed. Every start prints fresh ones; each pairs one more screen.
 */
export async function createDemoPairingLinks(db: Db, siteId: string, base: string, now: Date): Promise<{ kiosk: string; display: string }> {
  const deps = { db, now: () => now };
  const actor = { label: 'system:demo-start', ip: 'localhost' };
  const kiosk = await createPairingCode(deps, actor, { siteId, role: 'kiosk', name: 'Demo kiosk (start link)' }, demoPairingLinkMs);
  const display = await createPairingCode(deps, actor, { siteId, role: 'display', name: 'Demo display (start link)' }, demoPairingLinkMs);
  return { kiosk: `${base}/kiosk/?pair=${kiosk.code}`, display: `${base}/display/?pair=${display.code}` };
}

/**
 * What main.ts prints: the admin password only on the start that created it (the file keeps it);
 * later starts say where the file is. Device tokens are never printed, only one-time pairing links.
 */
export function describeDemoAccess(access: DemoAccess, links: { kiosk: string; display: string }, file: string): string[] {
  const technician = `${access.technician.username} / ${access.technician.password} (acts as Alex Martin)`;
  return [
    access.createdNow ? `  demo access (kept in ${file}, readable only by you):` : `  demo access: accounts and device tokens are in ${file}`,
    access.createdNow
      ? `    console  sign in as ${technician}, admin ${access.admin.username} / ${access.admin.password}`
      : `    console  sign in as ${technician}; the admin password is in that file`,
    `    kiosk    ${links.kiosk}`,
    `    display  ${links.display}`,
    '             (one-time pairing links, valid one hour; a paired screen keeps its token and needs no link)',
  ];
}
