import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/connection.ts';
import { insertDevice } from './device-store.ts';
import { hashToken, randomToken } from './tokens.ts';
import { countUsers } from './user-store.ts';
import { createAccount } from './create-account.ts';

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

/**
 * Demo mode on a database without accounts: a technician demo/demo, an admin with a generated
 * password, and a paired kiosk and display for the demo site, written next to the database file.
 * On later starts the file written the first time is read back (tokens are stored only hashed).
 */
export async function ensureDemoAccess(db: Db, dataDir: string, now: Date): Promise<DemoCredentials | null> {
  const file = path.join(dataDir, demoCredentialsFileName);
  if ((await countUsers(db)) > 0) {
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoCredentials) : null;
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
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  return credentials;
}

/** What main.ts prints: how to open each screen already signed in or paired. */
export function describeDemoAccess(credentials: DemoCredentials, base: string, file: string): string[] {
  return [
    '  demo access (written to ' + file + '):',
    `    console  sign in as ${credentials.technician.username} / ${credentials.technician.password} (acts as Alex Martin), admin ${credentials.admin.username} / ${credentials.admin.password}`,
    `    kiosk    ${base}/kiosk/?pair=${credentials.kioskToken}`,
    `    display  ${base}/display/?pair=${credentials.displayToken}`,
  ];
}
