import { describe, expect, it } from 'vitest';
import { durationBinCount, durationBinOf, quantileFromBins, shareWithin } from '../src/reports/duration-histogram.ts';
import { localSlotOf } from '../src/reports/local-time.ts';

function binsOf(durations: number[]): number[] {
  const bins = new Array<number>(durationBinCount).fill(0);
  for (const d of durations) bins[durationBinOf(d)]!++;
  return bins;
}

describe('duration histogram', () => {
  it('gives the share within a target exactly when the target is a bin edge', () => {
    const bins = binsOf([30, 200, 500, 700, 1000, 4000]);
    expect(shareWithin(bins, 600)).toBeCloseTo(3 / 6);
    expect(shareWithin(bins, 300)).toBeCloseTo(2 / 6);
  });

  it('estimates the median and 90th percentile within the bin holding them', () => {
    const durations = Array.from({ length: 1000 }, (_, i) => i * 1.8); // uniform 0..1800 s
    const bins = binsOf(durations);
    expect(quantileFromBins(bins, 0.5)).toBeGreaterThanOrEqual(600);
    expect(quantileFromBins(bins, 0.5)).toBeLessThanOrEqual(1200);
    expect(Math.abs(quantileFromBins(bins, 0.5)! - 900)).toBeLessThan(60);
    expect(Math.abs(quantileFromBins(bins, 0.9)! - 1620)).toBeLessThan(60);
    expect(quantileFromBins(binsOf([]), 0.5)).toBeNull();
  });

  it('places instants on the site calendar, across daylight saving time', () => {
    expect(localSlotOf('Europe/Paris', new Date('2026-11-23T23:30:00Z'))).toEqual({ day: '2026-11-24', hour: 0, weekday: 2 });
    expect(localSlotOf('Europe/Paris', new Date('2026-07-01T10:00:00Z'))).toEqual({ day: '2026-07-01', hour: 12, weekday: 3 });
  });
});
