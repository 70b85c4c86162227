import { describe, expect, it } from 'vitest';
import { ArrivalRateModel } from '../src/estimation/arrival-rates.ts';
import {
  compareForCalling,
  DurationDistribution,
  estimateWaits,
  pickNextVisit,
  WaitLearner,
  type EstimatorInput,
  type EstimatorVisit,
  type SiteEvent,
} from '../src/index.ts';

const nowMs = Date.parse('2025-03-06T10:00:00Z');
const fixed = (seconds: number) => new DurationDistribution([{ value: seconds, weight: 1 }]);
/** A visitor who checked in `secondsAgo` before now. */
const visitor = (id: string, secondsAgo: number, priority = 0): EstimatorVisit => ({
  id,
  queueId: 'q',
  categoryId: 'c',
  priority,
  checkedInAt: new Date(nowMs - secondsAgo * 1000).toISOString(),
});

/** One technician in a 600 s service that started now; every service takes 600 s. */
function busyDesk(overrides: Partial<EstimatorInput>): EstimatorInput {
  return {
    nowMs,
    queueIds: ['q'],
    technicians: [{ id: 't1', status: 'available', queueIds: ['q'], current: { categoryId: 'c', sinceMs: nowMs } }],
    waiting: [],
    serviceSeconds: () => 600,
    queueServiceSeconds: () => 600,
    serviceDistribution: () => fixed(600),
    queueServiceDistribution: () => fixed(600),
    samples: 2000,
    ...overrides,
  };
}

const oneHighPriorityPer10Minutes = [{ queueId: 'q', priority: 1, perSecond: () => 1 / 600 }];

describe('call policy with a head start', () => {
  const normal = visitor('normal', 100);
  it('lets a high-priority visitor pass only those who checked in less than the head start before them', () => {
    const policy = { priorityHeadStartSeconds: 90 };
    expect(compareForCalling(visitor('soon-after', 40, 1), normal, policy)).toBeLessThan(0);
    expect(compareForCalling(visitor('long-after', 0, 1), normal, policy)).toBeGreaterThan(0);
    expect(pickNextVisit([normal, visitor('long-after', 0, 1)], ['q'], policy)?.id).toBe('normal');
  });

  it('stays strict priority without a policy', () => {
    expect(pickNextVisit([normal, visitor('long-after', 0, 1)], ['q'])?.id).toBe('long-after');
  });
});

describe('future arrivals in the sampled futures', () => {
  it('makes a normal visitor wait longer when higher-priority visitors keep arriving under strict priority', () => {
    const waiting = [visitor('v1', 30)];
    const without = estimateWaits(busyDesk({ waiting })).visits['v1']!;
    const withArrivals = estimateWaits(busyDesk({ waiting, arrivals: oneHighPriorityPer10Minutes })).visits['v1']!;
    expect(without.expectedSeconds).toBe(600);
    // About one arrival per service: each one who comes before the desk frees up goes first.
    expect(withArrivals.expectedSeconds).toBeGreaterThan(900);
    expect(withArrivals.lowSeconds).toBe(600);
  });

  it('leaves the order alone for a normal-priority stream and for priority visitors already ahead', () => {
    const waiting = [visitor('v1', 30, 1)];
    const normalStream = [{ queueId: 'q', priority: 0, perSecond: () => 1 / 60 }];
    expect(estimateWaits(busyDesk({ waiting, arrivals: normalStream })).visits['v1']!.expectedSeconds).toBe(600);
    expect(estimateWaits(busyDesk({ waiting, arrivals: oneHighPriorityPer10Minutes })).visits['v1']!.expectedSeconds).toBe(600);
  });

  it('with a 90 s head start, only arrivals within 90 s of a visitor joining pass them', () => {
    const policy = { priorityHeadStartSeconds: 90 };
    const longWaiting = estimateWaits(busyDesk({ waiting: [visitor('v1', 120)], arrivals: oneHighPriorityPer10Minutes, callPolicy: policy }));
    expect(longWaiting.visits['v1']!.expectedSeconds).toBe(600);
    const justJoined = estimateWaits(busyDesk({ waiting: [visitor('v1', 0)], arrivals: oneHighPriorityPer10Minutes, callPolicy: policy }));
    // P(someone arrives in the first 90 s) = 1 - exp(-90/600) = 0.14, and they take 600 s first.
    expect(justJoined.visits['v1']!.expectedSeconds).toBeGreaterThan(640);
    expect(justJoined.visits['v1']!.expectedSeconds).toBeLessThan(760);
  });

  it('lengthens the wait shown to a newcomer joining the queue', () => {
    const quiet = estimateWaits(busyDesk({})).queues['q']!;
    const busy = estimateWaits(busyDesk({ arrivals: oneHighPriorityPer10Minutes })).queues['q']!;
    expect(quiet.expectedSeconds).toBe(600);
    expect(busy.expectedSeconds).toBeGreaterThan(900);
  });

  it('lets a free technician of a shared queue take arrivals, sparing the other queue', () => {
    // t2 serves only q and is free; t1 serves q and r. Arrivals in q go to t2, so r's visitor is not delayed.
    const technicians = [
      { id: 't1', status: 'available' as const, queueIds: ['q', 'r'], current: { categoryId: 'c', sinceMs: nowMs } },
      { id: 't2', status: 'available' as const, queueIds: ['q'], current: null },
    ];
    const waiting = [{ ...visitor('r1', 30), queueId: 'r' }];
    const estimate = estimateWaits(busyDesk({ queueIds: ['q', 'r'], technicians, waiting, arrivals: [{ queueId: 'q', priority: 1, perSecond: () => 1 / 1200 }] }));
    expect(estimate.visits['r1']!.expectedSeconds).toBeLessThan(700);
  });
});

const at = (day: number, hour: number, minute = 0) => Date.parse(`2025-03-0${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);

describe('ArrivalRateModel', () => {
  it('learns arrivals per queue and priority by time of day from open days', () => {
    const model = new ArrivalRateModel();
    for (const day of [3, 4, 5]) for (let i = 0; i < 12; i++) model.record('q', 1, at(day, 9, i * 5));
    // Today, at the usual pace so far.
    for (let i = 0; i < 12; i++) model.record('q', 1, at(6, 9, i * 5));
    const nineThirty = model.perSecond('q', 1, at(6, 9, 30), at(6, 10));
    expect(nineThirty * 3600).toBeCloseTo(12 * model.level(at(6, 10)), 5);
    expect(model.perSecond('q', 1, at(6, 15, 30), at(6, 10))).toBe(0);
    expect(model.perSecond('q', 0, at(6, 9, 30), at(6, 10))).toBe(0);
  });

  it('scales the usual profile by how busy today is, ignoring days the site was closed', () => {
    const model = new ArrivalRateModel();
    // Day 4 had no arrivals at all (closed): it must not pull the 9 am profile down.
    for (const day of [3, 5]) for (let i = 0; i < 60; i++) model.record('q', 1, at(day, 9, i));
    model.record('q', 1, at(6, 7));
    // Today nobody came between 9 and 10, where about 45 were expected (the hourly profile is read
    // linearly between the middles of the hours): the level is (0 + 10) / (45 + 10).
    const level = model.level(at(6, 10));
    expect(level).toBeCloseTo(10 / 55, 5);
    expect(model.perSecond('q', 1, at(6, 9, 30), at(6, 10)) * 3600).toBeCloseTo(60 * level, 5);
  });

  it('is fed by the learner, which offers only the streams that can pass someone', () => {
    const learner = new WaitLearner();
    const checkIn = (id: string, priority: number, atMs: number): SiteEvent =>
      ({ siteId: 's', seq: 1, type: 'visit.checked_in', visitId: id, at: new Date(atMs).toISOString(), data: { queueId: 'q', categoryId: 'c', ticketNumber: id, priority, checkedInAt: new Date(atMs).toISOString(), visitor: { kind: 'guest' }, note: null } }) as SiteEvent;
    learner.observe(checkIn('a', 0, at(5, 9)));
    learner.observe(checkIn('b', 1, at(5, 9, 10)));
    const arrivals = learner.estimatorInput(at(6, 9)).arrivals ?? [];
    expect(arrivals.map((a) => [a.queueId, a.priority])).toEqual([['q', 1]]);
    expect(arrivals[0]!.perSecond(1800)).toBeGreaterThan(0);
  });
});

describe('local time across a daylight-saving change', () => {
  it('keeps the 9 am rush at 9 am local on both sides of the change (Europe/Paris, 30 March 2025)', () => {
    const paris = new ArrivalRateModel({ utcOffsetMinutes: 60, timeZone: 'Europe/Paris' });
    // Local 09:00-10:00 every day: 08:00 UTC in winter (days before 30 March), 07:00 UTC in summer.
    const nineLocal = (date: string, minute: number) => Date.parse(`2025-03-${date}T0${date < '30' ? 8 : 7}:${String(minute).padStart(2, '0')}:00Z`);
    for (const date of ['27', '28', '29', '31']) for (let i = 0; i < 12; i++) paris.record('q', 1, nineLocal(date, i * 5));
    const now = Date.parse('2025-04-01T06:00:00Z'); // 08:00 local, summer time
    // 09:30 local on 1 April is 07:30 UTC: the profile has the rush there, and nothing an hour later.
    expect(paris.perSecond('q', 1, Date.parse('2025-04-01T07:30:00Z'), now) * 3600).toBeGreaterThan(10 * paris.level(now));
    expect(paris.perSecond('q', 1, Date.parse('2025-04-01T08:30:00Z'), now)).toBeLessThan(paris.perSecond('q', 1, Date.parse('2025-04-01T07:30:00Z'), now) / 2);
    // One offset frozen at start (winter, +60) puts the summer days' rush an hour early, smearing the profile.
    const frozen = new ArrivalRateModel({ utcOffsetMinutes: 60 });
    for (const date of ['27', '28', '29', '31']) for (let i = 0; i < 12; i++) frozen.record('q', 1, nineLocal(date, i * 5));
    expect(frozen.perSecond('q', 1, Date.parse('2025-04-01T07:30:00Z'), now) * 3600).toBeLessThan(10 * frozen.level(now));
  });
});
