import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createGroupCommitter } from '../src/db/group-commit.ts';
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
  const transactions = vi.spyOn(database.db, 'startTransaction');
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

it('answers only after the shared commit, and keeps going after a batch', async () => {
  const commits = createGroupCommitter(database.db);
  const first = await commits.run(addDesk('desk-x'));
  expect(first).toBe('desk-x');
  // A separate reader sees the change as soon as the caller was answered: it is committed.
  expect(await database.db.selectFrom('desks').select('id').where('id', '=', 'desk-x').executeTakeFirst()).toEqual({ id: 'desk-x' });
  await expect(commits.run(addDesk('desk-x'))).rejects.toThrow(/UNIQUE/);
  expect(await commits.run(addDesk('desk-y'))).toBe('desk-y');
});
