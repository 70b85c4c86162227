import { afterEach, beforeEach, expect, it } from 'vitest';
import { createSiteSetupCache } from '../src/queries/site-setup-cache.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.ts';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => database.close());

it('does not keep a setup whose read began before an invalidation (a change committed meanwhile)', async () => {
  const setups = createSiteSetupCache();
  // A read in flight, as the estimator's at start while an admin changes the opening hours.
  const inFlight = setups.get(database.db, 'hq');
  setups.invalidate('hq');
  await database.db.updateTable('sites').set({ name: 'Renamed tech bar' }).where('id', '=', 'hq').execute();
  await inFlight;
  expect((await setups.get(database.db, 'hq')).site.name).toBe('Renamed tech bar');
});

it('keeps a setup read with no invalidation in between', async () => {
  const setups = createSiteSetupCache();
  await setups.get(database.db, 'hq');
  await database.db.updateTable('sites').set({ name: 'Renamed tech bar' }).where('id', '=', 'hq').execute();
  expect((await setups.get(database.db, 'hq')).site.name).not.toBe('Renamed tech bar');
});
