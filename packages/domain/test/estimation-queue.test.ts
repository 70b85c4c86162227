import { describe, expect, it } from 'vitest';
import { DurationDistribution, estimateWaits, type EstimatorInput, type EstimatorVisit } from '../src/index.ts';

const nowMs = Date.parse('2025-03-03T10:00:00Z');
const fixed = (seconds: number) => new DurationDistribution([{ value: seconds, weight: 1 }]);

function visitor(i: number, overrides: Partial<EstimatorVisit> = {}): EstimatorVisit {
  return { id: `v${i}`, queueId: 'q', categoryId: 'c', priority: 0, checkedInAt: new Date(nowMs - (100 - i) * 1000).toISOString(), ...overrides };
}

function site(overrides: Partial<EstimatorInput>): EstimatorInput {
  return {
    nowMs,
    queueIds: ['q'],
    technicians: [{ id: 't1', status: 'available', queueIds: ['q'], current: null }],
    waiting: [],
    serviceSeconds: () => 600,
    queueServiceSeconds: () => 600,
    serviceDistribution: () => fixed(600),
    ...overrides,
  };
}

describe('estimateWaits', () => {
  it('halves the wait of the tenth visitor when a second technician shares the queue', () => {
    const waiting = Array.from({ length: 10 }, (_, i) => visitor(i));
    const one = estimateWaits(site({ waiting })).visits['v9']!.expectedSeconds;
    const two = estimateWaits(
      site({ waiting, technicians: ['t1', 't2'].map((id) => ({ id, status: 'available' as const, queueIds: ['q'], current: null })) }),
    ).visits['v9']!.expectedSeconds;
    expect(one).toBe(5400);
    expect(two).toBeCloseTo(2400, -2);
  });

  it('makes a visitor wait longer once a higher-priority visitor arrives behind them', () => {
    const alone = estimateWaits(site({ technicians: [{ id: 't1', status: 'available', queueIds: ['q'], current: { categoryId: 'c', sinceMs: nowMs } }], waiting: [visitor(1)] }));
    const overtaken = estimateWaits(
      site({ technicians: [{ id: 't1', status: 'available', queueIds: ['q'], current: { categoryId: 'c', sinceMs: nowMs } }], waiting: [visitor(1), visitor(2, { priority: 1 })] }),
    );
    expect(overtaken.visits['v1']!.expectedSeconds - alone.visits['v1']!.expectedSeconds).toBe(600);
  });

  it('expects a desk 10 minutes into a 12-minute service to free up in about 2 minutes', () => {
    const estimate = estimateWaits(
      site({
        serviceDistribution: () => new DurationDistribution([690, 705, 720, 735, 750].map((value) => ({ value, weight: 1 }))),
        technicians: [{ id: 't1', status: 'available', queueIds: ['q'], current: { categoryId: 'c', sinceMs: nowMs - 600_000 } }],
        waiting: [visitor(1)],
      }),
    );
    expect(estimate.visits['v1']!.expectedSeconds).toBeGreaterThan(100);
    expect(estimate.visits['v1']!.expectedSeconds).toBeLessThan(140);
  });

  it('counts a technician serving two queues for both, ahead of queue boundaries', () => {
    const shared = { id: 't1', status: 'available' as const, queueIds: ['q', 'r'], current: null };
    const estimate = estimateWaits(site({ queueIds: ['q', 'r'], technicians: [shared], waiting: [visitor(1, { queueId: 'r' }), visitor(2)] }));
    // The earlier visitor in queue r is called first, so v2 in queue q waits one service.
    expect(estimate.visits['v2']!.expectedSeconds).toBe(600);
  });

  it('frees the desk for a booked appointment at its time', () => {
    const waiting = [visitor(1), visitor(2)];
    const plain = estimateWaits(site({ waiting }));
    const booked = estimateWaits(site({ waiting, appointments: [{ technicianId: 't1', startMs: nowMs + 60_000, expectedSeconds: 1800 }] }));
    expect(plain.visits['v2']!.expectedSeconds).toBe(600);
    expect(booked.visits['v2']!.expectedSeconds).toBe(2400);
  });

  it('shortens waits when people ahead are likely to give up', () => {
    const waiting = Array.from({ length: 6 }, (_, i) => visitor(i));
    const patient = estimateWaits(site({ waiting })).visits['v5']!.expectedSeconds;
    const leaving = estimateWaits(site({ waiting, abandonmentPerSecond: () => 1 / 1800 })).visits['v5']!.expectedSeconds;
    expect(leaving).toBeLessThan(patient * 0.8);
  });

  it('gives a newcomer estimate per queue and none for a queue nobody serves', () => {
    const estimate = estimateWaits(site({ queueIds: ['q', 'empty'], waiting: [visitor(1), visitor(2)] }));
    expect(estimate.queues['q']!.expectedSeconds).toBe(1200);
    expect(estimate.queues['empty']).toBeNull();
  });
});
