import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { SiteView } from '@walkup/domain';
import { createEventBus } from '../src/live/event-bus.ts';
import { createEstimateService } from '../src/live/estimate-service.ts';
import type { Estimator } from '../src/live/estimator-client.ts';
import type { LiveSiteViews } from '../src/live/live-site-views.ts';
import { createSiteSetupCache } from '../src/queries/site-setup-cache.ts';
import { databaseIdle } from './helpers/database-idle.ts';
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

it('paces recomputes by what they cost the estimator: at most a quarter of its time under long queues', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  const setups = createSiteSetupCache();
  const demoSetup = await setups.get(database.db, 'hq');
  const started: number[] = [];
  // Each estimate reports 100 ms of work, as sampled futures of very long queues would.
  const estimator: Estimator = {
    warm: () => {},
    observe: () => {},
    estimate: async () => {
      started.push(Date.now());
      return { queues: {}, visits: {}, nobodyServing: {}, busyMs: 100 };
    },
    close: async () => {},
  };
  const service = createEstimateService({
    db: database.db,
    bus: createEventBus(),
    now: () => new Date('2026-11-23T09:00:00Z'),
    setups: { get: async (_db, siteId) => ({ ...demoSetup, site: { ...demoSetup.site, id: siteId } }), invalidate: () => {} },
    views: {
      view: async (siteId: string): Promise<SiteView> => ({ siteId, seq: 0, queues: [], desks: [], visits: [] }),
      forget: () => {},
    },
    estimator,
  });
  // Moves the fake clock, then lets the recompute it started read what it needs (real I/O on PostgreSQL).
  const advance = async (ms: number) => {
    await vi.advanceTimersByTimeAsync(ms);
    await databaseIdle(database.db);
    await vi.advanceTimersByTimeAsync(0);
  };
  try {
    const all = service.refreshAll(['a', 'b', 'c']);
    await advance(0);
    expect(started).toHaveLength(1);
    // 100 ms of work at a quarter share: the next may start 400 ms after the first, not at 20 ms.
    await advance(390);
    expect(started).toHaveLength(1);
    await advance(20);
    expect(started).toHaveLength(2);
    await advance(400);
    expect(started).toHaveLength(3);
    // The last one rests too before the refresh counts as done.
    await advance(400);
    await all;
  } finally {
    vi.useRealTimers();
    await service.close();
  }
});
