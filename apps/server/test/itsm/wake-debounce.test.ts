import { createNoopAdapter } from '@walkup/itsm';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { Transact } from '../../src/itsm/deliver-visit.ts';
import { createItsmDelivery } from '../../src/itsm/index.ts';
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
  const delivery = createItsmDelivery({ db: fx.db, transact, bus: fx.bus, adapterFor: () => createNoopAdapter(), now: fx.clock.now, options: { pollIntervalMs: 3_600_000 } });
  delivery.start();
  await vi.advanceTimersByTimeAsync(0);
  const atStart = scans;

  hold = true;
  await fx.checkIn();
  await vi.advanceTimersByTimeAsync(50);
  expect(scans).toBe(atStart + 1); // the pass that check-in woke, held in its scan
  hold = false;
  await fx.checkIn(); // committed during that pass
  await vi.advanceTimersByTimeAsync(50); // its wake-up falls while the pass still runs
  release!();
  await vi.advanceTimersByTimeAsync(0);
  expect(scans).toBe(atStart + 1); // not straight away
  await vi.advanceTimersByTimeAsync(50);
  expect(scans).toBe(atStart + 2); // a debounce after the pass
  await delivery.stop();
});
