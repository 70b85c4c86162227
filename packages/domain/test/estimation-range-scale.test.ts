import { describe, expect, it } from 'vitest';
import { WaitCalibration, type QueueSignals, type WaitEstimate } from '../src/index.ts';
import { createRandom } from '../src/estimation/random.ts';

const signalsOf = (serviceSeconds: number): QueueSignals => ({ headOfLineSeconds: 0, recentWaitSeconds: 0, serviceSeconds });

/** A simulation right on average whose spread (0.6 of the wait) is the real one's 10-90% range. */
function rawOf(expectedSeconds: number): WaitEstimate {
  return { expectedSeconds, lowSeconds: expectedSeconds * 0.7, highSeconds: expectedSeconds * 1.3 };
}

/** A real wait around the simulated one: uniform over +-0.375 of it, so 8 in 10 inside the raw range. */
function realWaitOf(expectedSeconds: number, random: () => number): number {
  return expectedSeconds * (1 + 0.75 * (random() - 0.5));
}

/** Learns a desk whose waits run up to `longestSeconds`, in the units the desk's clock gives them. */
function learnDesk(longestSeconds: number, serviceSeconds: number, seed: number): WaitCalibration {
  const calibration = new WaitCalibration();
  const random = createRandom(seed);
  for (let i = 0; i < 1000; i++) {
    const expected = random() * longestSeconds;
    calibration.record('q', rawOf(expected), realWaitOf(expected, random), signalsOf(serviceSeconds));
  }
  return calibration;
}

describe('range of a calibrated wait, on the queue’s own time scale', () => {
  it('gives a queue whose services take seconds ranges the size of its waits: short waits covered about 8 in 10, not all', () => {
    const serviceSeconds = 6;
    const calibration = learnDesk(40, serviceSeconds, 11);
    const random = createRandom(12);
    let covered = 0;
    const trials = 600;
    for (let i = 0; i < trials; i++) {
      // Waits shorter than one service: the ones an absolute 10 s floor widened to several times their size.
      const expected = 1 + random() * (serviceSeconds - 1);
      const shown = calibration.apply('q', rawOf(expected), signalsOf(serviceSeconds))!;
      expect(shown.lowSeconds).toBeLessThanOrEqual(shown.expectedSeconds);
      expect(shown.highSeconds).toBeGreaterThanOrEqual(shown.expectedSeconds);
      const real = realWaitOf(expected, random);
      if (shown.lowSeconds <= real && real <= shown.highSeconds) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.7);
    expect(covered / trials).toBeLessThan(0.9);
  });

  it('gives the same desk on a real clock and 60 times faster the same ranges, each in its own seconds', () => {
    const speed = 60;
    const realClock = learnDesk(1200, 600, 21);
    const fast = learnDesk(1200 / speed, 600 / speed, 21);
    for (const expected of [30, 120, 300, 900]) {
      const real = realClock.apply('q', rawOf(expected), signalsOf(600))!;
      const compressed = fast.apply('q', rawOf(expected / speed), signalsOf(600 / speed))!;
      // Whole seconds of the fast clock are a minute of the real one: equal within that rounding.
      expect(Math.abs(compressed.lowSeconds * speed - real.lowSeconds)).toBeLessThanOrEqual(speed);
      expect(Math.abs(compressed.highSeconds * speed - real.highSeconds)).toBeLessThanOrEqual(speed);
    }
  });

  it('still gives a range, around its expected value, when the simulation has no spread at all', () => {
    const calibration = new WaitCalibration();
    const random = createRandom(31);
    // A free technician, nobody ahead: every sampled future says the same, the desk does not.
    for (let i = 0; i < 200; i++) calibration.record('q', { expectedSeconds: 4, lowSeconds: 4, highSeconds: 4 }, 4 + (random() - 0.5) * 4, signalsOf(6));
    const shown = calibration.apply('q', { expectedSeconds: 4, lowSeconds: 4, highSeconds: 4 }, signalsOf(6))!;
    expect(shown.lowSeconds).toBeLessThan(4);
    expect(shown.highSeconds).toBeGreaterThan(4);
    expect(shown.expectedSeconds).toBe(4);
  });
});
