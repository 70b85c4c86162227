import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { readSeedFile, seedDatabase } from '../../src/db/seed.ts';
import { withItsmTables } from '../../src/itsm/itsm-schema.ts';
import { demoSeedFile } from '../helpers/test-database.ts';

it("stores each site's `itsmConnection` from the seed file, null when absent", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'walkup-seed-itsm-'));
  const { db } = openDatabase(path.join(dir, 'walkup.sqlite'));
  try {
    await migrateToLatest(db);
    const seed = readSeedFile(demoSeedFile);
    const hq = seed.sites[0]!;
    const paris = { ...hq, id: 'paris', name: 'Paris', itsmConnection: 'paris-sn', queues: [], categories: [], desks: [], technicians: [], appointments: undefined };
    await seedDatabase(db, { sites: [hq, paris] });
    const rows = await withItsmTables(db).selectFrom('sites').select(['id', 'itsm_connection']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'hq', itsm_connection: null },
      { id: 'paris', itsm_connection: 'paris-sn' },
    ]);
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
});
