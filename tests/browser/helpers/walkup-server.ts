import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAdapter, type ItsmAdapter } from '@walkup/itsm';
import type { createServiceNowMock } from '../../msw/servicenow.ts';
import { buildApp, type AppDeps } from '../../../apps/server/src/app.ts';
import { ensureDemoAccess } from '../../../apps/server/src/auth/demo-access.ts';
import { openDatabase, type Db } from '../../../apps/server/src/db/connection.ts';
import { migrateToLatest } from '../../../apps/server/src/db/migrate.ts';
import { seedIfEmpty } from '../../../apps/server/src/db/seed.ts';

export const rootDir = fileURLToPath(new URL('../../../', import.meta.url));
const demoSeed = path.join(rootDir, 'db/seed/demo-site.json');

/**
 * The real server on a random port with a fresh seeded SQLite file, serving the built front ends.
 * A network test by nature: the browser needs real HTTP and websockets, so no inject() here.
 */
export async function startWalkupServer(
  options: {
    itsmAdapterFor?: (siteId: string) => ItsmAdapter;
    prepare?: (db: Db) => Promise<void>;
    /** Captures what the server emails (booking links) instead of logging it. */
    sendMail?: AppDeps['sendMail'];
    /** The server's clock, for tests that move time on (the browser keeps its own). */
    now?: () => Date;
    /** WALKUP_ITSM_SECRET_KEY, for tests that store ITSM connections through the console. */
    itsmSecretKey?: string;
    /** Notification channels (e.g. web push keys, so the phone page offers "Notify me"). */
    notifications?: AppDeps['notifications'];
    /** Sign-in settings, e.g. a single sign-on provider mocked in this process. */
    security?: AppDeps['security'];
  } = {},
) {
  const missing = ['kiosk', 'console', 'display', 'visitor'].filter((app) => !existsSync(path.join(rootDir, 'apps', app, 'dist', 'index.html')));
  if (missing.length > 0) throw new Error(`front ends not built (${missing.join(', ')}): run \`npm run build\` first`);

  const dir = mkdtempSync(path.join(tmpdir(), 'walkup-browser-'));
  const { db, sqlite } = openDatabase(path.join(dir, 'walkup.sqlite'));
  await migrateToLatest(db);
  await seedIfEmpty(db, demoSeed);
  // A test's own changes to the seeded site (closed hours, ...) before the server reads it.
  await options.prepare?.(db);
  // The same accounts and paired devices a demo install gets: technician demo/demo acts as Alex Martin.
  const access = await ensureDemoAccess(db, dir, options.now?.() ?? new Date());
  if (!access) throw new Error('demo access could not be created');
  const app = await buildApp({
    db, rootDir, itsmAdapterFor: options.itsmAdapterFor, sendMail: options.sendMail, now: options.now,
    itsmSecretKey: options.itsmSecretKey, notifications: options.notifications, security: options.security,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (typeof address !== 'object' || !address) throw new Error('server did not report its address');

  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    app,
    db,
    access,
    /** Opens a kiosk or display already paired, the way the demo install prints it. */
    deviceUrl: (screen: 'kiosk' | 'display') =>
      `http://127.0.0.1:${address.port}/${screen}/?site=${access.siteId}&pair=${screen === 'kiosk' ? access.kioskToken : access.displayToken}`,
    async close() {
      await app.close();
      await db.destroy();
      if (sqlite.open) sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type WalkupServer = Awaited<ReturnType<typeof startWalkupServer>>;

/** A ServiceNow adapter pointed at the msw mock, with a short timeout so faults show quickly. */
export function serviceNowAdapterFor(mock: ReturnType<typeof createServiceNowMock>): ItsmAdapter {
  return createAdapter({
    vendor: 'servicenow',
    instanceUrl: mock.base,
    auth: { kind: 'basic', username: mock.creds.username, password: mock.creds.password },
    timeoutMs: 2000,
  });
}
