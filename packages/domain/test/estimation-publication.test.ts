import { describe, expect, it } from 'vitest';
import {
  coldStartWaits,
  monotoneWithinQueues,
  nextOpeningAt,
  publishEstimates,
  queuesNobodyServes,
  sayHonestly,
  WaitCalibration,
  type EstimatorInput,
  type WaitEstimate,
} from '../src/index.ts';

const nowMs = Date.parse('2025-03-03T10:00:00Z');
const at = (secondsAgo: number) => new Date(nowMs - secondsAgo * 1000).toISOString();

function input(overrides: Partial<EstimatorInput> = {}): EstimatorInput {
  return {
    nowMs,
    queueIds: ['q'],
    technicians: [{ id: 't1', status: 'available', queueIds: ['q'], current: { categoryId: 'c', sinceMs: nowMs - 120_000 } }],
    waiting: [0, 1, 2, 3].map((i) => ({ id: `v${i}`, queueId: 'q', categoryId: 'c', priority: 0, checkedInAt: at(100 - i) })),
    serviceSeconds: () => 600,
    queueServiceSeconds: () => 600,
    ...overrides,
  };
}

function inside(estimate: WaitEstimate | null | undefined) {
  expect(estimate).toBeTruthy();
  expect(estimate!.lowSeconds).toBeLessThanOrEqual(estimate!.expectedSeconds);
  expect(estimate!.expectedSeconds).toBeLessThanOrEqual(estimate!.highSeconds);
}

describe('the expected value lies inside its range', () => {
  it('while the calibration is young, its point moves the range with it', () => {
    const calibration = new WaitCalibration();
    // Real waits far shorter than simulated: the fit pulls the point down long before the range is learned.
    for (let i = 0; i < 30; i++) calibration.record('q', { expectedSeconds: 3000, lowSeconds: 2000, highSeconds: 4000 }, 30);
    const applied = calibration.apply('q', { expectedSeconds: 3000, lowSeconds: 2000, highSeconds: 4000 });
    expect(applied!.expectedSeconds).toBeLessThan(2000);
    inside(applied);
  });
});

describe('honest forms', () => {
  it('says "more than 1 h" rather than a useless range once the expected wait is over an hour', () => {
    const said = sayHonestly({ expectedSeconds: 5400, lowSeconds: 60, highSeconds: 9660 });
    expect(said).toMatchObject({ form: 'at_least', lowSeconds: 3600 });
    inside(said);
  });

  it('opens the top of a range that reaches past an hour, keeps a short one as it is', () => {
    expect(sayHonestly({ expectedSeconds: 1800, lowSeconds: 60, highSeconds: 9660 })).toMatchObject({ form: 'open_range', highSeconds: 3600 });
    expect(sayHonestly({ expectedSeconds: 600, lowSeconds: 300, highSeconds: 900 })).toEqual({ expectedSeconds: 600, lowSeconds: 300, highSeconds: 900, form: 'range' });
  });
});

describe('order within a queue', () => {
  it('nobody further back is told a shorter wait, and a newcomer is told at least the last one', () => {
    const waiting = input().waiting;
    const visits = { v0: { expectedSeconds: 60, lowSeconds: 10, highSeconds: 200 }, v1: { expectedSeconds: 900, lowSeconds: 300, highSeconds: 1500 }, v2: { expectedSeconds: 60, lowSeconds: 10, highSeconds: 9000 }, v3: { expectedSeconds: 60, lowSeconds: 10, highSeconds: 200 } };
    const result = monotoneWithinQueues(waiting, visits, { q: { expectedSeconds: 30, lowSeconds: 0, highSeconds: 90 } });
    const expected = ['v0', 'v1', 'v2', 'v3'].map((id) => result.visits[id]!.expectedSeconds);
    expect(expected).toEqual([60, 900, 900, 900]);
    expect(result.visits.v3!.highSeconds).toBe(9000);
    expect(result.queues.q!.expectedSeconds).toBeGreaterThanOrEqual(900);
  });

  it('a priority visitor who checked in later is ahead, so is not raised to those behind', () => {
    const waiting = [
      { id: 'a', queueId: 'q', priority: 0, checkedInAt: at(300) },
      { id: 'b', queueId: 'q', priority: 1, checkedInAt: at(10) },
    ];
    const result = monotoneWithinQueues(waiting, { a: { expectedSeconds: 600, lowSeconds: 300, highSeconds: 900 }, b: { expectedSeconds: 60, lowSeconds: 0, highSeconds: 120 } }, {});
    expect(result.visits.b!.expectedSeconds).toBe(60);
  });
});

describe('cold start', () => {
  it('with no history: the rest of the current service, then one service per person ahead, per technician', () => {
    const cold = coldStartWaits(input());
    expect(cold.visits.v0!.expectedSeconds).toBe(480);
    expect(cold.visits.v3!.expectedSeconds).toBe(480 + 3 * 600);
    expect(cold.queues.q!.expectedSeconds).toBe(480 + 4 * 600);
    for (const estimate of Object.values(cold.visits)) inside(estimate);
    const two = coldStartWaits(input({ technicians: [...input().technicians, { id: 't2', status: 'available', queueIds: ['q'], current: null }] }));
    expect(two.visits.v0!.expectedSeconds).toBe(0);
    expect(two.visits.v3!.expectedSeconds).toBeLessThan(cold.visits.v3!.expectedSeconds / 1.5);
  });

  it('a fresh site publishes the cold start, not an absurd sampled value, and moves to the learner with history', () => {
    const absurd = { expectedSeconds: 35, lowSeconds: 311_111, highSeconds: 347_365 };
    const learned = { visits: { v0: absurd, v1: absurd, v2: absurd, v3: absurd }, queues: { q: absurd } };
    const fresh = publishEstimates(input(), learned, { learnedFrom: 0, open: true, reopensAtMs: null });
    expect(fresh.visits.v3).toMatchObject({ expectedSeconds: 2280, form: 'range' });
    expect(fresh.visits.v3!.highSeconds).toBeLessThan(3600);
    const warm = publishEstimates(input(), { visits: { v0: { expectedSeconds: 100, lowSeconds: 50, highSeconds: 200 } }, queues: {} }, { learnedFrom: 500, open: true, reopensAtMs: null });
    expect(warm.visits.v0!.expectedSeconds).toBe(100);
  });
});

describe('nobody serving', () => {
  it('is a typed state with when someone is expected back, not a missing estimate', () => {
    const technicians = [
      { status: 'break' as const, queueIds: ['hardware'], returnsAtMs: nowMs + 1_800_000 },
      { status: 'available' as const, queueIds: ['software'] },
    ];
    const result = queuesNobodyServes(['hardware', 'software', 'printers'], technicians, { open: true, reopensAtMs: null });
    expect(result).toEqual({
      hardware: { reason: 'no_technician', backAt: new Date(nowMs + 1_800_000).toISOString() },
      printers: { reason: 'no_technician', backAt: null },
    });
    const closed = queuesNobodyServes(['software'], technicians, { open: false, reopensAtMs: nowMs + 3_600_000 });
    expect(closed.software).toEqual({ reason: 'closed', backAt: new Date(nowMs + 3_600_000).toISOString() });
  });

  it('finds the next opening in the site time zone', () => {
    // Monday 2025-03-03 19:00 in Paris (18:00 UTC), opening 08:00 on Tuesday = 07:00 UTC.
    const next = nextOpeningAt({ mon: [['08:00', '18:00']], tue: [['08:00', '18:00']] }, new Date('2025-03-03T18:00:00Z'), 'Europe/Paris');
    expect(next?.toISOString()).toBe('2025-03-04T07:00:00.000Z');
  });
});
