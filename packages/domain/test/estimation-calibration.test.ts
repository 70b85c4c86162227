import { describe, expect, it } from 'vitest';
import { FadingRegression } from '../src/estimation/fading-regression.ts';
import { readQueueSignals, WaitCalibration, type EstimatorInput } from '../src/index.ts';
import { createRandom } from '../src/estimation/random.ts';

describe('FadingRegression', () => {
  it('recovers the coefficients of a noisy linear relation once data outweighs the prior', () => {
    const fit = new FadingRegression(3, 0.9999);
    const random = createRandom(3);
    for (let i = 0; i < 5000; i++) {
      const a = random() * 300;
      const b = random() * 100;
      fit.add([1, a, b], 5 + 2 * a + 0.5 * b + (random() - 0.5) * 20);
    }
    const [c0, c1, c2] = fit.coefficients([0, 1, 0], 20);
    // The ridge still pulls a little toward the prior (20 of ~4000 observations).
    expect(Math.abs(c0! - 5)).toBeLessThan(5);
    expect(Math.abs(c1! - 2)).toBeLessThan(0.02);
    expect(Math.abs(c2! - 0.5)).toBeLessThan(0.02);
  });

  it('returns the prior before any data', () => {
    expect(new FadingRegression(2, 0.999).coefficients([0, 1], 20)).toEqual([0, 1]);
  });
});

describe('calibration with queue signals', () => {
  it('learns that a long-waiting head of the queue means a longer wait than simulated', () => {
    const calibration = new WaitCalibration();
    const random = createRandom(5);
    for (let i = 0; i < 2000; i++) {
      const raw = 60 + random() * 120;
      const headOfLineSeconds = random() * 200;
      calibration.record('q', { expectedSeconds: raw, lowSeconds: raw * 0.5, highSeconds: raw * 1.5 }, raw + 0.5 * headOfLineSeconds, { headOfLineSeconds, recentWaitSeconds: 0, serviceSeconds: 120 });
    }
    const raw = { expectedSeconds: 100, lowSeconds: 50, highSeconds: 150 };
    expect(calibration.apply('q', raw, { headOfLineSeconds: 0, recentWaitSeconds: 0, serviceSeconds: 120 })!.expectedSeconds).toBeCloseTo(100, -1);
    expect(calibration.apply('q', raw, { headOfLineSeconds: 200, recentWaitSeconds: 0, serviceSeconds: 120 })!.expectedSeconds).toBeCloseTo(200, -1);
  });

  it("reads the head of line from the earliest check-in of the queue, recent waits and the queue's service time from the input", () => {
    const nowMs = Date.parse('2025-03-03T10:00:00Z');
    const waiting = [
      { id: 'a', queueId: 'q', categoryId: 'c', priority: 0, checkedInAt: '2025-03-03T09:58:00.000Z' },
      { id: 'b', queueId: 'q', categoryId: 'c', priority: 1, checkedInAt: '2025-03-03T09:59:00.000Z' },
      { id: 'c', queueId: 'r', categoryId: 'c', priority: 0, checkedInAt: '2025-03-03T09:50:00.000Z' },
    ];
    const input = { nowMs, waiting, recentWaitSeconds: (q: string) => (q === 'q' ? 42 : 0), queueServiceSeconds: (q: string) => (q === 'q' ? 300 : 600) } as unknown as EstimatorInput;
    expect(readQueueSignals(input, 'q')).toEqual({ headOfLineSeconds: 120, recentWaitSeconds: 42, serviceSeconds: 300 });
    expect(readQueueSignals(input, 'empty').headOfLineSeconds).toBe(0);
  });
});
