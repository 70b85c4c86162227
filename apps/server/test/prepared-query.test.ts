import { afterEach, beforeEach, expect, it } from 'vitest';
import { preparedQuery } from '../src/db/prepared-query.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.ts';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => database.close());

const renameDesk = preparedQuery<{ id: string; name: string }, { name: string }>((db, value) =>
  db.updateTable('desks').set({ name: value('name'), sort_order: 7 }).where('id', '=', value('id')).returning('name'),
);

it('runs one compiled query with new values each time, keeping its constants', async () => {
  expect((await renameDesk(database.db, { id: 'hq-desk-1', name: 'Front desk' })).rows).toEqual([{ name: 'Front desk' }]);
  expect((await renameDesk(database.db, { id: 'hq-desk-2', name: 'Back desk' })).rows).toEqual([{ name: 'Back desk' }]);
  const desks = await database.db.selectFrom('desks').select(['id', 'name', 'sort_order']).where('sort_order', '=', 7).orderBy('id').execute();
  expect(desks).toEqual([
    { id: 'hq-desk-1', name: 'Front desk', sort_order: 7 },
    { id: 'hq-desk-2', name: 'Back desk', sort_order: 7 },
  ]);
});

it('runs inside the transaction it is given, and refuses a missing value', async () => {
  await expect(
    database.db.transaction().execute(async (trx) => {
      await renameDesk(trx, { id: 'hq-desk-3', name: 'Rolled back' });
      throw new Error('abort');
    }),
  ).rejects.toThrow('abort');
  expect(await database.db.selectFrom('desks').select('name').where('id', '=', 'hq-desk-3').executeTakeFirst()).not.toEqual({ name: 'Rolled back' });
  await expect(renameDesk(database.db, { id: 'hq-desk-3' } as never)).rejects.toThrow("no value for 'name'");
});
