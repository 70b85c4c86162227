import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { Kysely } from 'kysely';
import { createGroupCommitter } from '../src/db/group-commit.ts';
import { createWalFlusher, type WalFlusher } from '../src/db/wal-flusher.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.ts';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => database.close());

const addDesk = (id: string) => async (trx: TestDatabase['db']) => {
  await trx.insertInto('desks').values({ id, site_id: 'hq', name: id, sort_order: 9 }).execute();
  return id;
};

it('shares one transaction between changes that arrive together, and a failing one rolls back alone', async () => {
  const commits = createGroupCommitter(database.db);
  const transactions = vi.spyOn(database.db, 'connection');
  const results = await Promise.allSettled([
    commits.run(addDesk('desk-a')),
    commits.run(async (trx) => {
      await addDesk('desk-b')(trx);
      throw new Error('refused');
    }),
    commits.run(addDesk('desk-c')),
  ]);
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  expect((results[1] as PromiseRejectedResult).reason.message).toBe('refused');
  expect(transactions).toHaveBeenCalledTimes(1);
  const desks = await database.db.selectFrom('desks').select('id').where('sort_order', '=', 9).orderBy('id').execute();
  expect(desks.map((d) => d.id)).toEqual(['desk-a', 'desk-c']);
});

it('rolls back a change that fails alone in its batch, writes included', async () => {
  const commits = createGroupCommitter(database.db);
  await expect(
    commits.run(async (trx) => {
      await addDesk('desk-lone')(trx);
      throw new Error('refused');
    }),
  ).rejects.toThrow('refused');
  expect(await database.db.selectFrom('desks').select('id').where('id', '=', 'desk-lone').executeTakeFirst()).toBeUndefined();
  expect(await commits.run(addDesk('desk-after'))).toBe('desk-after');
});

it('answers only after the shared commit, and keeps going after a batch', async () => {
  const commits = createGroupCommitter(database.db);
  const first = await commits.run(addDesk('desk-x'));
  expect(first).toBe('desk-x');
  // A separate reader sees the change as soon as the caller was answered: it is committed.
  expect(await database.db.selectFrom('desks').select('id').where('id', '=', 'desk-x').executeTakeFirst()).toEqual({ id: 'desk-x' });
  await expect(commits.run(addDesk('desk-x'))).rejects.toThrow(/UNIQUE/);
  expect(await commits.run(addDesk('desk-y'))).toBe('desk-y');
});

/** A flusher the test completes by hand, to see who is answered when. */
function manualFlusher() {
  const syncs: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  const flusher: WalFlusher = {
    flush: () => new Promise<void>((resolve, reject) => syncs.push({ resolve, reject })),
    close: async () => {},
  };
  return { flusher, syncs };
}

it('answers only once the log is synced, in commit order, while the next batch already commits', async () => {
  const { flusher, syncs } = manualFlusher();
  const commits = createGroupCommitter(database.db, { flusher });
  const answered: string[] = [];
  const first = commits.run(addDesk('desk-1')).then((id) => answered.push(id));
  // The batch committed once it asks for its sync.
  await expect.poll(() => syncs.length).toBe(1);
  // Committed (a reader sees it) but not yet answered: its sync is still running.
  expect(await database.db.selectFrom('desks').select('id').where('id', '=', 'desk-1').executeTakeFirst()).toEqual({ id: 'desk-1' });
  const second = commits.run(addDesk('desk-2')).then((id) => answered.push(id));
  await expect.poll(() => syncs.length).toBe(2);
  expect(answered).toEqual([]);
  syncs[0]!.resolve();
  await first;
  expect(answered).toEqual(['desk-1']);
  syncs[1]!.resolve();
  await second;
  expect(answered).toEqual(['desk-1', 'desk-2']);
});

it('refuses every change after the disk failed to sync, since what is on disk is unknown', async () => {
  const { flusher, syncs } = manualFlusher();
  const failures: unknown[] = [];
  const commits = createGroupCommitter(database.db, { flusher, onStorageFailure: (error) => failures.push(error) });
  const first = commits.run(addDesk('desk-f'));
  await expect.poll(() => syncs.length).toBe(1);
  syncs[0]!.reject(new Error('EIO'));
  await expect(first).rejects.toThrow('EIO');
  await expect(commits.run(addDesk('desk-g'))).rejects.toThrow('EIO');
  expect(failures).toHaveLength(1);
  expect(await database.db.selectFrom('desks').select('id').where('id', '=', 'desk-g').executeTakeFirst()).toBeUndefined();
});

it('syncs the real WAL of a database file, and shares one sync between callers that arrive together', async () => {
  const flusher = createWalFlusher(`${database.file}-wal`);
  const commits = createGroupCommitter(database.db, { flusher });
  await Promise.all([commits.run(addDesk('desk-w1')), commits.run(addDesk('desk-w2'))]);
  const [a, b, c] = [flusher.flush(), flusher.flush(), flusher.flush()];
  expect(b).toBe(c);
  expect(a).not.toBe(b);
  await Promise.all([a, b, c]);
  await flusher.close();
  // A database without a WAL file has nothing to sync.
  await expect(createWalFlusher(`${database.file}-missing-wal`).flush()).resolves.toBeUndefined();
});

it('uses savepoints only when a change of the batch fails', async () => {
  const commits = createGroupCommitter(database.db);
  const executed = vi.spyOn(Kysely.prototype, 'executeQuery');
  const savepoints = () => executed.mock.calls.filter(([query]) => 'sql' in query && /^savepoint /.test(query.sql)).length;
  try {
    await Promise.all([commits.run(addDesk('desk-d')), commits.run(addDesk('desk-e'))]);
    expect(savepoints()).toBe(0);
    const results = await Promise.allSettled([
      commits.run(addDesk('desk-f')),
      commits.run(async () => {
        throw new Error('refused');
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(savepoints()).toBe(2);
  } finally {
    executed.mockRestore();
  }
  const desks = await database.db.selectFrom('desks').select('id').where('id', 'in', ['desk-d', 'desk-e', 'desk-f']).orderBy('id').execute();
  expect(desks.map((d) => d.id)).toEqual(['desk-d', 'desk-e', 'desk-f']);
});
