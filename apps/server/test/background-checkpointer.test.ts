import { statSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { startBackgroundCheckpointer } from '../src/db/background-checkpointer.ts';
import { checkpointPacing } from '../src/db/checkpoint-pacing.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.ts';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => database.close());

async function autocheckpointPages(): Promise<number> {
  const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(database.db);
  return rows[0]!.wal_autocheckpoint;
}

it('copies the WAL into the database file from its own thread; the main connection keeps a larger safety net', async () => {
  const lost = vi.fn();
  const checkpointer = await startBackgroundCheckpointer(database.db, database.file, lost);
  try {
    expect(await autocheckpointPages()).toBe(checkpointPacing.safetyNetPages);
    const sizeBefore = statSync(database.file).size;
    // About 2 MB of rows: some 500 WAL pages, well below the main connection's own checkpoint size,
    // so only the thread can have written them into the database file.
    for (let batch = 0; batch < 40; batch++) {
      const rows = Array.from({ length: 50 }, (_, i) => ({ id: `p-${batch}-${i}`, name: `${'x'.repeat(1000)}${batch}-${i}` }));
      await database.db.insertInto('directory_people').values(rows).execute();
    }
    await vi.waitFor(() => expect(statSync(database.file).size).toBeGreaterThan(sizeBefore + 1_500_000), { timeout: 15_000, interval: 50 });
  } finally {
    await checkpointer.close();
  }
  expect(lost).not.toHaveBeenCalled();
});
