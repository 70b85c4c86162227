import { describe, expect, it } from 'vitest';
import { AdaptiveInterval } from '../src/estimation/adaptive-interval.ts';
import { ExpertWeights } from '../src/estimation/expert-weights.ts';
import { createRandom } from '../src/estimation/random.ts';
import { WaitCalibration } from '../src/index.ts';

describe('ExpertWeights', () => {
  it('moves its weight to the expert whose forecasts err less', () => {
    const weights = new ExpertWeights(3, 1);
    const random = createRandom(1);
    for (let i = 0; i < 300; i++) weights.update([(random() * 20) ** 2, (random() * 30) ** 2, (random() * 60) ** 2]);
    const [best, second, worst] = weights.weights();
    expect(best).toBeGreaterThan(0.9);
    expect(second).toBeGreaterThan(worst!);
  });

  it('needs no learning rate: the weights do not depend on the unit of the losses', () => {
    const seconds = new ExpertWeights(2, 0.999);
    const hours = new ExpertWeights(2, 0.999);
    const random = createRandom(2);
    for (let i = 0; i < 40; i++) {
      const losses = [random() * 100, random() * 110];
      seconds.update(losses);
      hours.update(losses.map((l) => l / 3600 ** 2));
    }
    const [a, b] = [seconds.weights(), hours.weights()];
    expect(a[0]).toBeGreaterThan(0.05);
    expect(a[0]).toBeLessThan(0.95);
    expect(b[0]).toBeCloseTo(a[0]!, 9);
  });
});

describe('AdaptiveInterval', () => {
  it('keeps about 8 in 10 real waits inside while the spread keeps growing', () => {
    const interval = new AdaptiveInterval();
    const random = createRandom(4);
    let covered = 0;
    let scored = 0;
    for (let i = 0; i < 6000; i++) {
      // Residuals spread wider and wider: last week's percentiles are always too narrow.
      const spread = 1 + i / 300;
      const actual = 1000 + spread * 20 * (random() + random() + random() - 1.5);
      if (i >= 1000) {
        const { low, high } = interval.around(1000, 20);
        scored++;
        if (low <= actual && actual <= high) covered++;
      }
      interval.record(1000, 20, actual);
    }
    expect(covered / scored).toBeGreaterThan(0.77);
    expect(covered / scored).toBeLessThan(0.83);
  });
});

describe('calibration weighing its forecasts per queue', () => {
  const signalsOf = (recentWaitSeconds: number) => ({ headOfLineSeconds: 0, recentWaitSeconds, serviceSeconds: 300 });

  it('lets a small queue whose simulation says nothing follow its recent waits, and a busy queue keep the simulation', () => {
    const calibration = new WaitCalibration();
    const random = createRandom(6);
    for (let i = 0; i < 3000; i++) {
      const raw = 60 + random() * 600;
      calibration.record('busy', { expectedSeconds: raw, lowSeconds: raw * 0.7, highSeconds: raw * 1.3 }, raw + (random() - 0.5) * 60, signalsOf(60 + random() * 600));
      if (i % 15 !== 0) continue;
      // A rarely used queue whose waits follow its recent ones and have nothing to do with the simulation.
      const recent = 100 + random() * 200;
      const noise = 60 + random() * 600;
      calibration.record('rare', { expectedSeconds: noise, lowSeconds: noise * 0.7, highSeconds: noise * 1.3 }, recent + (random() - 0.5) * 40, signalsOf(recent));
    }
    const raw = { expectedSeconds: 600, lowSeconds: 420, highSeconds: 780 };
    expect(calibration.expertWeights('rare')[2]).toBeGreaterThan(0.5);
    expect(calibration.apply('rare', raw, signalsOf(150))!.expectedSeconds).toBeLessThan(250);
    expect(calibration.apply('busy', raw, signalsOf(150))!.expectedSeconds).toBeGreaterThan(540);
  });

  it('does not read a queue without recent waits as one where nobody waits', () => {
    const calibration = new WaitCalibration();
    const random = createRandom(8);
    for (let i = 0; i < 300; i++) {
      const raw = 60 + random() * 600;
      calibration.record('q', { expectedSeconds: raw, lowSeconds: raw * 0.7, highSeconds: raw * 1.3 }, raw + (random() - 0.5) * 60);
    }
    const raw = { expectedSeconds: 400, lowSeconds: 280, highSeconds: 520 };
    expect(calibration.apply('q', raw)!.expectedSeconds).toBeGreaterThan(370);
    expect(calibration.apply('new queue', raw)!.expectedSeconds).toBeGreaterThan(370);
  });
});
