import type { WaitEstimate } from '@walkup/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { createCaller } from './helpers/auth.ts';
import { callerOfTechnician, checkIn, createTestApp, demo, seatTechnician, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ estimatorThread: true });
});
afterEach(async () => t.close());

async function staffState(caller = t.as.alex) {
  return (await caller.inject({ url: `/api/sites/${demo.site}/state?audience=staff` })).json();
}

function expectInside(estimate: WaitEstimate) {
  expect(estimate.lowSeconds).toBeLessThanOrEqual(estimate.expectedSeconds);
  expect(estimate.expectedSeconds).toBeLessThanOrEqual(estimate.highSeconds);
}

/** A morning at the demo desk: Alex serves visitors, each resolved after a few minutes, then a queue builds. */
async function busyMorning(served: number, waitingAfter: number): Promise<string[]> {
  await seatTechnician(t.app, demo.alex, demo.desk1);
  const alex = callerOfTechnician(t.app, demo.alex);
  for (let i = 0; i < served; i++) {
    t.clock.advance(30);
    const visit = (await checkIn(t.app, demo.softwareChoice, { kind: 'guest', name: `Served ${i}` })).json();
    expectInside(visit.estimate);
    t.clock.advance(20 + (i % 5) * 15);
    await alex.inject({ method: 'POST', url: `/api/desks/${demo.desk1}/call-next`, payload: { technicianId: demo.alex } });
    t.clock.advance(240 + (i % 7) * 60);
    const resolved = await alex.inject({ method: 'POST', url: `/api/visits/${visit.id}/resolve`, payload: { technicianId: demo.alex, note: 'done' } });
    expect(resolved.statusCode).toBe(200);
  }
  const ids: string[] = [];
  for (let i = 0; i < waitingAfter; i++) {
    t.clock.advance(15);
    const reply = (await checkIn(t.app, demo.softwareChoice, { kind: 'guest', name: `Waiting ${i}` })).json();
    expectInside(reply.estimate);
    ids.push(reply.id);
  }
  await t.app.walkup.estimates.refreshAll([demo.site]);
  return ids;
}

describe('published estimates hold together', () => {
  it('in one queue, every expected wait lies in its range and nobody further back is told less', async () => {
    const ids = await busyMorning(8, 5);
    const state = await staffState();
    const estimates = ids.map((id) => state.view.estimates.visits[id] as WaitEstimate);
    estimates.forEach(expectInside);
    for (let i = 1; i < estimates.length; i++) expect(estimates[i]!.expectedSeconds).toBeGreaterThanOrEqual(estimates[i - 1]!.expectedSeconds);
    // Fourth in line behind a busy technician with ~5-minute services is not told "about 1 min".
    expect(estimates[3]!.expectedSeconds).toBeGreaterThan(600);
    const software = state.queues.find((q: { id: string }) => q.id === 'hq-software');
    expect(software.estimate.expectedSeconds).toBeGreaterThanOrEqual(estimates.at(-1)!.expectedSeconds);
  });

  it('a restart (the app rebuilt on the same database) changes no estimate', async () => {
    const ids = await busyMorning(12, 4);
    const before = (await staffState()).view.estimates;
    await t.app.close();
    const rebuilt = await buildApp({ db: t.database.db, now: t.clock.now, background: false, estimateIntervalMs: 0 });
    try {
      await rebuilt.ready();
      const after = (await staffState(await createCaller(rebuilt, t.database.db, 'alex'))).view.estimates;
      for (const id of ids) expect(after.visits[id]).toEqual(before.visits[id]);
      expect(after.queues).toEqual(before.queues);
    } finally {
      await rebuilt.close();
    }
    // The shared teardown closes the first app again: a fresh one keeps it harmless.
    t = { ...t, close: () => t.database.close() };
  });
});

describe('nobody serving a queue', () => {
  it('is a typed state with when someone is back, not "no estimate yet"', async () => {
    const visit = (await checkIn(t.app, demo.hardwareChoice)).json();
    let state = await staffState();
    const hardware = () => state.queues.find((q: { id: string }) => q.id === 'hq-hardware');
    expect(hardware().nobodyServing).toEqual({ reason: 'no_technician', backAt: null });
    expect(state.view.estimates.nobodyServing['hq-hardware']).toEqual({ reason: 'no_technician', backAt: null });
    expect(state.view.estimates.visits[visit.id]).toBeNull();

    // Alex (hardware + software) takes a break: hardware is still unserved, now with an expected return.
    await seatTechnician(t.app, demo.alex, demo.desk1);
    state = await staffState();
    expect(hardware().nobodyServing).toBeUndefined();
    await callerOfTechnician(t.app, demo.alex).inject({ method: 'PUT', url: `/api/technicians/${demo.alex}/presence`, payload: { siteId: demo.site, deskId: demo.desk1, status: 'break' } });
    await t.app.walkup.estimates.refreshAll([demo.site]);
    state = await staffState();
    expect(hardware().nobodyServing.reason).toBe('no_technician');
    expect(Date.parse(hardware().nobodyServing.backAt)).toBeGreaterThan(t.clock.now().getTime());
  });
});
