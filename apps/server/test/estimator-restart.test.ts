import type { SiteEvent } from '@walkup/domain';
import { expect, it } from 'vitest';
import { createEstimatorCore } from '../src/live/estimator-core.ts';
import type { EstimateInputs, LearnerSetup } from '../src/live/estimator-messages.ts';

const siteId = 'site-a';
const start = Date.parse('2026-11-23T08:00:00Z');
const technicians = ['tech-a', 'tech-b'];
const setup: LearnerSetup = {
  siteId,
  categoryServiceSeconds: [
    ['c0', 300],
    ['c1', 600],
  ],
  queueServiceSeconds: [
    ['q0', 300],
    ['q1', 600],
  ],
  technicianQueues: technicians.map((t) => [t, ['q0', 'q1']]),
  timeZone: 'UTC',
};

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** A busy two-technician desk over a day: a queue of several people most of the time, some still waiting at the end. */
function busyDay(visitCount: number): { events: SiteEvent[]; endMs: number; waiting: EstimateInputs['visits'] } {
  const draw = random(7);
  const timed: Array<Omit<SiteEvent, 'seq'>> = technicians.map((technicianId) => ({
    siteId,
    type: 'technician.presence_changed',
    visitId: null,
    at: new Date(start).toISOString(),
    data: { technicianId, deskId: `desk-${technicianId}`, status: 'available' },
  }));
  const freeAt = technicians.map(() => start);
  let arrival = start;
  const visits: Array<{ id: string; queueId: string; categoryId: string; checkedInAt: string; calledAt: number }> = [];
  for (let i = 0; i < visitCount; i++) {
    arrival += (i >= visitCount - 6 ? 10 : 120 + draw() * 300) * 1000; // ending with a rush
    const q = draw() < 0.6 ? 0 : 1;
    const id = `v${i}`;
    const checkedInAt = new Date(arrival).toISOString();
    timed.push({ siteId, type: 'visit.checked_in', visitId: id, at: checkedInAt, data: { queueId: `q${q}`, categoryId: `c${q}`, ticketNumber: `A-${i}`, priority: 0, checkedInAt, visitor: { kind: 'guest', name: id }, note: null } });
    const t = freeAt[0]! <= freeAt[1]! ? 0 : 1;
    const calledAt = Math.max(arrival + 5_000, freeAt[t]! + (5 + draw() * 30) * 1000);
    const endAt = calledAt + (q === 0 ? 150 + draw() * 400 : 300 + draw() * 800) * 1000;
    freeAt[t] = endAt;
    visits.push({ id, queueId: `q${q}`, categoryId: `c${q}`, checkedInAt, calledAt });
    timed.push({ siteId, type: 'visit.called', visitId: id, at: new Date(calledAt).toISOString(), data: { deskId: `desk-${technicians[t]}`, technicianId: technicians[t]!, outOfOrder: false } });
    timed.push({ siteId, type: 'visit.resolved', visitId: id, at: new Date(endAt).toISOString(), data: { note: '', technicianId: technicians[t]! } });
  }
  // The day stops with the last arrivals still waiting: everything after it has not happened yet.
  const endMs = arrival + 1_000;
  const happened = timed.filter((e) => Date.parse(e.at) <= endMs).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const events = happened.map((e, i) => ({ ...e, seq: i + 1 }) as SiteEvent);
  const waiting = visits
    .filter((v) => v.calledAt > endMs)
    .map((v) => ({ id: v.id, queueId: v.queueId, categoryId: v.categoryId, priority: 0, state: 'waiting' as const, checkedInAt: v.checkedInAt, calledAt: null, technicianId: null }));
  return { events, endMs, waiting };
}

it('a learner rebuilt from the log after a restart gives the estimates the live one gave', () => {
  const day = busyDay(600);
  expect(day.waiting.length).toBeGreaterThan(1);
  const inputs: EstimateInputs = {
    siteId,
    seq: day.events.length,
    nowMs: day.endMs,
    open: true,
    reopensAtMs: null,
    queueIds: ['q0', 'q1'],
    technicianQueues: setup.technicianQueues,
    presence: technicians.map((technicianId) => ({ technicianId, status: 'available' })),
    visits: day.waiting,
  };
  // The live server: events arrive one by one over the day.
  const live = createEstimatorCore();
  live.warm(setup, []);
  for (const event of day.events) live.observe([event]);
  // After a restart: the same log read in one go.
  const restarted = createEstimatorCore();
  restarted.warm(setup, day.events);

  const before = live.estimate(inputs);
  const after = restarted.estimate(inputs);
  for (const visit of day.waiting) expect(after.visits[visit.id]).toEqual(before.visits[visit.id]);
  expect(after.queues).toEqual(before.queues);
});
