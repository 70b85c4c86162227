import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { openDatabase, type Db } from '../../apps/server/src/db/connection.ts';
import { migrateToLatest } from '../../apps/server/src/db/migrate.ts';
import { seedIfEmpty } from '../../apps/server/src/db/seed.ts';

/**
 * The one place where benchmarks and crash tests deal with authentication.
 *
 * Before a benchmark starts the real server, `provisionCredentials` prepares its database the way the
 * server would (migrate + seed) and enrols what a fleet needs: a kiosk and a display device per site
 * and a signed-in session per technician (device tokens are scoped to one site; technicians may act
 * only as themselves). It writes `bench-credentials.json` beside the database. When the tree has no
 * auth tables yet, it enrols nothing and every helper returns empty headers.
 */
export interface BenchCredentials {
  devices: Record<string, { kiosk: string; display: string }>;
  technicians: Record<string, { cookie: string; csrfToken: string }>;
}

export const repoRoot = path.resolve(import.meta.dirname, '../..');
const fileName = 'bench-credentials.json';
const none: BenchCredentials = { devices: {}, technicians: {} };

async function loadAuthModules() {
  try {
    const [devices, users, sessions, tokens, cookie] = await Promise.all([
      import('../../apps/server/src/auth/device-store.ts'),
      import('../../apps/server/src/auth/user-store.ts'),
      import('../../apps/server/src/auth/session-store.ts'),
      import('../../apps/server/src/auth/tokens.ts'),
      import('../../apps/server/src/auth/session-cookie.ts'),
    ]);
    return { devices, users, sessions, tokens, cookie };
  } catch {
    return null;
  }
}

/** `db` defaults to the SQLite file at databasePath; pass a PostgreSQL Db to provision a shared database. */
export async function provisionCredentials(databasePath: string, seedFile: string, db: Db = openDatabase(databasePath).db): Promise<BenchCredentials> {
  try {
    await migrateToLatest(db);
    await seedIfEmpty(db, seedFile);
    const auth = await loadAuthModules();
    if (!auth) return none;
    const credentials: BenchCredentials = { devices: {}, technicians: {} };
    const now = new Date();
    const sites = await db.selectFrom('sites').select('id').execute();
    for (const { id: siteId } of sites) {
      const tokens = { kiosk: auth.tokens.randomToken(), display: auth.tokens.randomToken() };
      for (const role of ['kiosk', 'display'] as const) {
        await auth.devices.insertDevice(db, {
          id: randomUUID(),
          site_id: siteId,
          role,
          name: `bench ${role} ${siteId}`,
          token_hash: auth.tokens.hashToken(tokens[role]),
          created_at: now.toISOString(),
          created_by: null,
        });
      }
      credentials.devices[siteId] = tokens;
    }
    for (const { id: technicianId } of await db.selectFrom('technicians').select('id').execute()) {
      const userId = randomUUID();
      await auth.users.insertUser(db, {
        id: userId,
        username: `bench-${technicianId}`,
        display_name: technicianId,
        role: 'technician',
        technician_id: technicianId,
        password_hash: null,
        oidc_subject: null,
        disabled: 0,
        failed_attempts: 0,
        locked_until: null,
        created_at: now.toISOString(),
        last_login_at: null,
      });
      const { token } = await auth.sessions.createSession(db, userId, 'password', now);
      credentials.technicians[technicianId] = { cookie: `${auth.cookie.sessionCookieName}=${token}`, csrfToken: auth.tokens.csrfTokenFor(token) };
    }
    writeFileSync(path.join(path.dirname(databasePath), fileName), JSON.stringify(credentials));
    return credentials;
  } finally {
    await db.destroy();
  }
}

export function readCredentials(databasePath: string): BenchCredentials {
  const file = path.join(path.dirname(databasePath), fileName);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BenchCredentials) : none;
}

/** Headers of the site's kiosk (check-in, cancel). */
export function kioskHeaders(credentials: BenchCredentials, siteId: string): Record<string, string> {
  const token = credentials.devices[siteId]?.kiosk;
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** Headers of a technician's state-changing requests (session cookie + CSRF token). */
export function technicianHeaders(credentials: BenchCredentials, technicianId: string): Record<string, string> {
  const session = credentials.technicians[technicianId];
  return session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {};
}

/** Where a screen connects: displays carry their device token in the URL, consoles their session cookie. */
export function liveConnection(
  baseUrl: string,
  credentials: BenchCredentials,
  screen: { siteId: string; view: 'display' | 'console' | 'kiosk'; technicianId?: string },
): { url: string; headers: Record<string, string> } {
  const url = new URL('/ws', baseUrl.replace(/^http/, 'ws'));
  if (screen.view === 'console' && screen.technicianId && credentials.technicians[screen.technicianId]) {
    return { url: url.toString(), headers: { cookie: credentials.technicians[screen.technicianId]!.cookie } };
  }
  const device = credentials.devices[screen.siteId];
  const token = screen.view === 'kiosk' ? device?.kiosk : device?.display;
  if (token) url.searchParams.set('token', token);
  return { url: url.toString(), headers: {} };
}
