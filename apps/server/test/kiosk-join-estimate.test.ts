import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkIn, createTestApp, demo, seatTechnician, type TestApp } from './helpers/test-app.ts';

/**
 * The estimate a kiosk tells a newcomer (issue 12): it counts everyone who checked in before them,
 * even while the published estimates are throttled, and it is the figure the display then shows them.
 */
let t: TestApp;
beforeEach(async () => {
  // Event-driven recomputes at most once a minute: the published figures lag behind the check-ins.
  t = await createTestApp({ estimateIntervalMs: 60_000, estimatorThread: true });
});
afterEach(async () => t.close());

async function displayed(visitId: string) {
  const state = (await t.as.alex.inject({ url: `/api/sites/${demo.site}/state?audience=staff` })).json();
  return state.view.estimates.visits[visitId];
}

describe('the kiosk reply at joining', () => {
  it('counts the people who joined just before, even when the published estimates are older', async () => {
    await seatTechnician(t.app, demo.alex, demo.desk1);
    const first = (await checkIn(t.app, demo.softwareChoice, { kind: 'guest', name: 'First' })).json();
    const ahead: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      t.clock.advance(1);
      ahead.push((await checkIn(t.app, demo.softwareChoice, { kind: 'guest', name: `Ahead ${i}` })).json().estimate.expectedSeconds);
    }
    t.clock.advance(1);
    const last = (await checkIn(t.app, demo.softwareChoice, { kind: 'guest', name: 'Last' })).json();
    // Six people ahead of one technician: far longer than the first newcomer was told, and each
    // newcomer was told more than the one before (the old reply repeated the throttled figure).
    expect(last.estimate.expectedSeconds).toBeGreaterThan(3 * first.estimate.expectedSeconds);
    for (let i = 1; i < ahead.length; i += 1) expect(ahead[i]).toBeGreaterThan(ahead[i - 1]!);
    expect(last.estimate.lowSeconds).toBeLessThanOrEqual(last.estimate.expectedSeconds);
    expect(last.estimate.highSeconds).toBeGreaterThanOrEqual(last.estimate.expectedSeconds);
    // What the display shows them for the same state: the same estimate.
    const shown = await displayed(last.id);
    expect(Math.abs(shown.expectedSeconds - last.estimate.expectedSeconds)).toBeLessThanOrEqual(0.15 * last.estimate.expectedSeconds);
  });

  it('says nobody serves the queue (no estimate) when no technician is on duty for it', async () => {
    const visit = (await checkIn(t.app, demo.hardwareChoice)).json();
    expect(visit.estimate).toBeNull();
  });
});
