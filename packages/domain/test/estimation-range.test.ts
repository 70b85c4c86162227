import { describe, expect, it } from 'vitest';
import { DurationDistribution, estimateWaits, WaitCalibration } from '../src/index.ts';
import { createRandom } from '../src/estimation/random.ts';

const nowMs = Date.parse('2025-03-03T10:00:00Z');

/** An independent simulation of one FIFO queue with c servers and exponential services. */
function trueWait(position: number, servers: number, meanSeconds: number, random: () => number): number {
  const free = Array.from({ length: servers }, () => -Math.log(1 - random()) * meanSeconds);
  let wait = 0;
  for (let k = 0; k <= position; k++) {
    const s = free.indexOf(Math.min(...free));
    wait = free[s]!;
    free[s] = wait - Math.log(1 - random()) * meanSeconds;
  }
  return wait;
}

describe('wait ranges', () => {
  it('cover the real wait about 8 times in 10 in a simulated desk', () => {
    const random = createRandom(42);
    const learned = new DurationDistribution(Array.from({ length: 400 }, () => ({ value: -Math.log(1 - random()) * 300, weight: 1 })));
    let covered = 0;
    const trials = 600;
    for (let trial = 0; trial < trials; trial++) {
      const servers = 1 + (trial % 4);
      const position = trial % 7;
      const estimate = estimateWaits({
        nowMs,
        queueIds: ['q'],
        technicians: Array.from({ length: servers }, (_, i) => ({ id: `t${i}`, status: 'available' as const, queueIds: ['q'], current: { categoryId: 'c', sinceMs: nowMs } })),
        waiting: Array.from({ length: position + 1 }, (_, i) => ({ id: `v${i}`, queueId: 'q', categoryId: 'c', priority: 0, checkedInAt: new Date(nowMs - (10 - i) * 1000).toISOString() })),
        serviceSeconds: () => 300,
        queueServiceSeconds: () => 300,
        serviceDistribution: () => learned,
        seed: trial + 1,
      }).visits[`v${position}`]!;
      const truth = trueWait(position, servers, 300, random);
      if (estimate.lowSeconds <= truth && truth <= estimate.highSeconds) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.72);
    expect(covered / trials).toBeLessThan(0.88);
  });

  it('recalibrates a simulation that is steadily a minute short, and widens the range to match', () => {
    const calibration = new WaitCalibration();
    const random = createRandom(3);
    for (let i = 0; i < 400; i++) {
      const raw = 60 + random() * 600;
      calibration.record('q', { expectedSeconds: raw, lowSeconds: raw * 0.8, highSeconds: raw * 1.2 }, raw + 60 + (random() - 0.5) * 120);
    }
    const applied = calibration.apply('q', { expectedSeconds: 300, lowSeconds: 240, highSeconds: 360 })!;
    expect(applied.expectedSeconds).toBeGreaterThan(345);
    expect(applied.expectedSeconds).toBeLessThan(375);
    expect(applied.lowSeconds).toBeLessThan(330);
    expect(applied.highSeconds).toBeGreaterThan(390);
  });
});
