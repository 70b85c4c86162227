import { afterEach, beforeEach, expect, it } from 'vitest';
import type { SiteView } from '@walkup/domain';
import { createEventBus } from '../src/live/event-bus.ts';
import { createEstimateService } from '../src/live/estimate-service.ts';
import type { LiveSiteViews } from '../src/live/live-site-views.ts';
import { createSiteSetupCache } from '../src/queries/site-setup-cache.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.ts';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => database.close());

it('spreads the recomputes of many busy sites over time instead of starting them all at once', async () => {
  // Every site reads as the demo site's configuration; what is counted is when each recompute starts.
  const setups = createSiteSetupCache();
  const demoSetup = await setups.get(database.db, 'hq');
  const started: string[] = [];
  const views = {
    view: async (siteId: string): Promise<SiteView> => {
      started.push(siteId);
      return { siteId, seq: 0, queues: [], desks: [], visits: [] };
    },
    forget: () => {},
  } satisfies LiveSiteViews;
  const service = createEstimateService({
    db: database.db,
    bus: createEventBus(),
    now: () => new Date('2026-11-23T09:00:00Z'),
    setups: { get: async (_db, siteId) => ({ ...demoSetup, site: { ...demoSetup.site, id: siteId } }), invalidate: () => {} },
    views,
    thread: false,
  });
  try {
    const sites = Array.from({ length: 60 }, (_, i) => `site-${i}`);
    const all = service.refreshAll(sites);
    await new Promise((resolve) => setImmediate(resolve));
    // The budget (50 a second, one every 20 ms) lets one start now; the rest follows.
    expect(started.length).toBeGreaterThan(0);
    expect(started.length).toBeLessThanOrEqual(5);
    await all;
    expect(new Set(started)).toEqual(new Set(sites));
  } finally {
    await service.close();
  }
});
