import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callerOfTechnician, checkIn, createTestApp, demo, seatTechnician, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ estimatorThread: true });
});
afterEach(async () => t.close());

async function visitEstimate(visitId: string) {
  const state = (await t.as.alex.inject({ url: `/api/sites/${demo.site}/state?audience=staff` })).json();
  return state.view.estimates.visits[visitId];
}

describe('live wait estimates', () => {
  it('a visitor behind a busy technician waits about the rest of the current service', async () => {
    await seatTechnician(t.app, demo.alex, demo.desk1);
    await checkIn(t.app, demo.hardwareChoice); // laptop won't start: 1200 s configured
    await callerOfTechnician(t.app, demo.alex).inject({ method: 'POST', url: `/api/desks/${demo.desk1}/call-next`, payload: { technicianId: demo.alex } });
    t.clock.advance(5);
    const next = (await checkIn(t.app, 'laptop-power', { kind: 'guest', name: 'Second' })).json();
    const early = await visitEstimate(next.id);
    expect(early.expectedSeconds).toBeGreaterThan(600);
    expect(early.expectedSeconds).toBeLessThan(1800);
    expect(early.lowSeconds).toBeLessThan(early.expectedSeconds);
    expect(early.highSeconds).toBeGreaterThan(early.expectedSeconds);

    // Ten minutes into that service, the wait left is shorter.
    t.clock.advance(600);
    await t.app.walkup.estimates.refreshAll([demo.site]);
    const later = await visitEstimate(next.id);
    expect(later.expectedSeconds).toBeLessThan(early.expectedSeconds - 300);
  });

  it('gives no estimate when no technician on duty serves the queue', async () => {
    const visit = (await checkIn(t.app, demo.hardwareChoice)).json();
    expect(visit.estimate).toBeNull();
    expect(await visitEstimate(visit.id)).toBeNull();
  });

  it('a second technician on the same queue shortens the wait', async () => {
    await seatTechnician(t.app, demo.alex, demo.desk1);
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      t.clock.advance(1);
      ids.push((await checkIn(t.app, demo.softwareChoice, { kind: 'guest', name: `V${i}` })).json().id);
    }
    const alone = await visitEstimate(ids[3]!);
    await seatTechnician(t.app, demo.sam, demo.desk2); // Sam serves software too
    await t.app.walkup.estimates.refreshAll([demo.site]);
    const shared = await visitEstimate(ids[3]!);
    expect(shared.expectedSeconds).toBeLessThan(alone.expectedSeconds * 0.75);
  });
});

describe('estimate recomputes under a burst', () => {
  it('runs a few times per site instead of once per event, and ends with every event counted', async () => {
    const throttled = await createTestApp({ estimateIntervalMs: 250, estimatorThread: true });
    try {
      await seatTechnician(throttled.app, demo.alex, demo.desk1);
      const updates: number[] = [];
      throttled.app.walkup.estimates.onUpdate((siteId, estimates) => updates.push(Object.keys(estimates.visits).length));
      for (let i = 0; i < 20; i += 1) {
        throttled.clock.advance(1);
        await checkIn(throttled.app, demo.softwareChoice, { kind: 'guest', name: `Burst ${i}` });
      }
      // The last update counts every check-in; the throttle kept the updates few on the way.
      await expect.poll(() => updates.at(-1), { timeout: 5_000, interval: 20 }).toBe(20);
      expect(updates.length).toBeLessThan(10);
    } finally {
      await throttled.close();
    }
  });
});

describe('estimator in process', () => {
  it('gives the same kind of estimates without the worker thread (buildApp estimatorThread: false)', async () => {
    const inProcess = await createTestApp({ estimatorThread: false });
    try {
      await seatTechnician(inProcess.app, demo.alex, demo.desk1);
      inProcess.clock.advance(1);
      await checkIn(inProcess.app, demo.softwareChoice, { kind: 'guest', name: 'First' });
      inProcess.clock.advance(1);
      const second = (await checkIn(inProcess.app, demo.softwareChoice, { kind: 'guest', name: 'Second' })).json();
      const state = (await inProcess.as.alex.inject({ url: `/api/sites/${demo.site}/state?audience=staff` })).json();
      const estimate = state.view.estimates.visits[second.id];
      // Software install is configured at 600 s; the second visitor waits for the first one.
      expect(estimate.expectedSeconds).toBeGreaterThan(300);
      expect(estimate.expectedSeconds).toBeLessThan(1200);
    } finally {
      await inProcess.close();
    }
  });
});
