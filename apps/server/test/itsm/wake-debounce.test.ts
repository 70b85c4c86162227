import { createNoopAdapter } from '@walkup/itsm';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { Transact } from '../../src/itsm/deliver-visit.ts';
import { createItsmDelivery } from '../../src/itsm/index.ts';
import { databaseIdle } from '../helpers/database-idle.ts';
import { createItsmFixture, type ItsmFixture } from './itsm-fixtures.ts';

let fx: ItsmFixture;
beforeEach(async () => {
  fx = await createItsmFixture();
});
afterEach(async () => {
  vi.useRealTimers();
  await fx.close();
});

it('wakes a debounce after a pass for commits made during it, not straight away (no back-to-back scans)', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  let scans = 0;
  let hold = false;
  let release: (() => void) | null = null;
  // Each scan of the log is one transaction: counted here, and held open while `hold` is set.
  const transact: Transact = async (work) => {
    scans++;
    if (hold) await new Promise<void>((resolve) => (release = resolve));
    return fx.db.transaction().execute(work);
  };
  // Moves the fake clock, then lets the pass it started finish its queries (real I/O on PostgreSQL).
  const advance = async (ms: number) => {
    await vi.advanceTimersByTimeAsync(ms);
    await databaseIdle(fx.db);
    await vi.advanceTimersByTimeAsync(0);
  };
  const delivery = createItsmDelivery({ db: fx.db, transact, bus: fx.bus, adapterFor: () => createNoopAdapter(), now: fx.clock.now, options: { pollIntervalMs: 3_600_000 } });
  delivery.start();
  await advance(0);
  const atStart = scans;

  hold = true;
  await fx.checkIn();
  await advance(50);
  expect(scans).toBe(atStart + 1); // the pass that check-in woke, held in its scan
  hold = false;
  await fx.checkIn(); // committed during that pass
  await advance(50); // its wake-up falls while the pass still runs
  release!();
  await advance(0); // the pass ends
  expect(scans).toBe(atStart + 1); // not straight away
  await advance(50);
  expect(scans).toBe(atStart + 2); // a debounce after the pass
  await delivery.stop();
});

it('a worker stopped while it starts up runs no pass after stop() (the app closes the database next)', async () => {
  let scansAfterStop = 0;
  let stopping = false;
  const transact: Transact = async (work) => {
    if (stopping) scansAfterStop++;
    return fx.db.transaction().execute(work);
  };
  await fx.checkIn();
  const delivery = createItsmDelivery({ db: fx.db, transact, bus: fx.bus, adapterFor: () => createNoopAdapter(), now: fx.clock.now, options: { pollIntervalMs: 3_600_000 } });
  delivery.start(); // its start-up reconcile is still reading when stop() comes
  stopping = true;
  await delivery.stop();
  // Whatever the start-up had left in flight has had its turn: its queries and what follows them.
  await databaseIdle(fx.db);
  await new Promise((resolve) => setImmediate(resolve));
  expect(scansAfterStop).toBe(0);
  // A pass asked for after stop() still runs, and is counted: the zero above is no blind spot.
  await delivery.drain();
  expect(scansAfterStop).toBeGreaterThan(0);
});
