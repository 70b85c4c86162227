import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { requireWayToSignIn } from '../../src/auth/bootstrap-admin.ts';
import { createDemoPairingLinks, describeDemoAccess, ensureDemoAccess } from '../../src/auth/demo-access.ts';
import { openDatabase, type Db } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedIfEmpty } from '../../src/db/seed.ts';
import { demoSeedFile } from '../helpers/test-database.ts';

/** A data folder as a first `npm start` finds it: nothing there yet. */
let root: string;
let opened: Array<{ db: Db }> = [];
afterEach(async () => {
  for (const { db } of opened) await db.destroy();
  opened = [];
  rmSync(root, { recursive: true, force: true });
});

async function firstStart() {
  root = mkdtempSync(path.join(tmpdir(), 'walkup-first-start-'));
  const dataDir = path.join(root, 'data');
  const file = path.join(dataDir, 'walkup.sqlite');
  const database = openDatabase(file);
  opened.push(database);
  await migrateToLatest(database.db);
  await seedIfEmpty(database.db, demoSeedFile);
  return { ...database, dataDir, file };
}

const mode = (file: string) => statSync(file).mode & 0o777;

describe('data files', () => {
  it('are created readable by the server account only: folder 0700, database, WAL, shared memory and demo credentials 0600', async () => {
    const { db, dataDir, file } = await firstStart();
    await ensureDemoAccess(db, dataDir, new Date());
    expect(mode(dataDir)).toBe(0o700);
    for (const name of [file, `${file}-wal`, `${file}-shm`, path.join(dataDir, 'demo-credentials.json')]) expect({ name, mode: mode(name) }).toEqual({ name, mode: 0o600 });
  });
});

describe('demo access printed at start', () => {
  it('shows the admin password on the first start only, and never a device token: links carry one-time pairing codes that work once', async () => {
    const { db, dataDir } = await firstStart();
    const first = (await ensureDemoAccess(db, dataDir, new Date()))!;
    const firstLinks = await createDemoPairingLinks(db, first.siteId, 'http://localhost:3000', new Date());
    const firstText = describeDemoAccess(first, firstLinks, '/data/demo-credentials.json').join('\n');
    expect(firstText).toContain(first.admin.password);

    const later = (await ensureDemoAccess(db, dataDir, new Date()))!;
    expect(later.kioskToken).toBe(first.kioskToken);
    const laterLinks = await createDemoPairingLinks(db, later.siteId, 'http://localhost:3000', new Date());
    const laterText = describeDemoAccess(later, laterLinks, '/data/demo-credentials.json').join('\n');
    expect(laterText).not.toContain(first.admin.password);
    expect(laterText).toContain('/data/demo-credentials.json');
    for (const text of [firstText, laterText]) {
      expect(text).not.toContain(first.kioskToken);
      expect(text).not.toContain(first.displayToken);
    }
    expect(laterLinks.kiosk).not.toBe(firstLinks.kiosk);

    const app = await buildApp({ db, background: false });
    try {
      const code = new URL(laterLinks.kiosk).searchParams.get('pair')!;
      expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      const paired = await app.inject({ method: 'POST', url: '/api/devices/pair', payload: { code } });
      expect(paired.statusCode).toBe(201);
      expect(paired.json()).toMatchObject({ role: 'kiosk', siteId: 'hq' });
      const session = await app.inject({ url: '/api/auth/session', headers: { authorization: `Bearer ${paired.json().token}` } });
      expect(session.json()).toMatchObject({ kind: 'device', siteId: 'hq' });
      expect((await app.inject({ method: 'POST', url: '/api/devices/pair', payload: { code } })).statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });
});

describe('production with nobody able to sign in', () => {
  const production = { mode: 'production', bootstrapAdmin: null, oidc: null } as const;

  it('refuses to start, saying why and what to set', async () => {
    const { db } = await firstStart();
    const refusal = await requireWayToSignIn(db, production).catch((error: Error) => error.message);
    expect(refusal).toMatch(/refusing to start in production mode: nobody could sign in/);
    expect(refusal).toContain('WALKUP_ADMIN_USERNAME and WALKUP_ADMIN_PASSWORD');
    expect(refusal).toContain('WALKUP_OIDC_ISSUER');
  });

  it('starts with a first admin from the environment, with single sign-on, or once an admin account exists', async () => {
    const { db, dataDir } = await firstStart();
    await expect(requireWayToSignIn(db, { ...production, bootstrapAdmin: { username: 'root', password: 'a-long-admin-password' } })).resolves.toBeUndefined();
    await expect(requireWayToSignIn(db, { ...production, oidc: {} as never })).resolves.toBeUndefined();
    await expect(requireWayToSignIn(db, { ...production, mode: 'demo' })).resolves.toBeUndefined();
    await ensureDemoAccess(db, dataDir, new Date());
    await expect(requireWayToSignIn(db, production)).resolves.toBeUndefined();
  });
});
