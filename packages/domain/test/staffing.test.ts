import { describe, expect, it } from 'vitest';
import { forecastArrivals } from '../src/staffing/arrival-forecast.ts';
import { erlangC, serviceLevel, techniciansNeeded } from '../src/staffing/erlang-c.ts';

describe('Erlang C', () => {
  it('matches known values (checked against the closed-form sum)', () => {
    expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 10);
    expect(erlangC(11, 10)).toBeCloseTo(0.682118, 5);
    expect(erlangC(20, 15)).toBeCloseTo(0.160429, 5);
    expect(erlangC(5, 5)).toBe(1);
  });

  it('gives the share called within a target and the technicians needed for a goal', () => {
    // 100 visitors an hour, 3 min each: 5 Erlangs of work.
    const load = { arrivalsPerHour: 100, meanServiceSeconds: 180 };
    expect(serviceLevel(7, load, 20)).toBeCloseTo(0.740441, 5);
    expect(serviceLevel(5, load, 600)).toBe(0);
    const needed = techniciansNeeded(load, 600, 0.9);
    expect(serviceLevel(needed, load, 600)).toBeGreaterThanOrEqual(0.9);
    expect(serviceLevel(needed - 1, load, 600)).toBeLessThan(0.9);
    expect(techniciansNeeded({ arrivalsPerHour: 0, meanServiceSeconds: 180 }, 600, 0.9)).toBe(0);
  });
});

describe('arrival forecast', () => {
  it('averages the same weekday and hour, weighting recent weeks more and skipping holidays', () => {
    const history = [
      { day: '2026-11-02', weekday: 1, hour: 9, arrivals: 10 },
      { day: '2026-11-09', weekday: 1, hour: 9, arrivals: 20 },
      { day: '2026-11-11', weekday: 3, hour: 9, arrivals: 100 }, // a holiday
      { day: '2026-11-04', weekday: 3, hour: 9, arrivals: 8 },
    ];
    const forecast = forecastArrivals(history, { holidays: new Set(['2026-11-11']), halfLifeWeeks: 1, lastDay: '2026-11-09' });
    expect(forecast(1, 9)).toBeCloseTo((10 * 0.5 + 20) / 1.5, 6);
    expect(forecast(3, 9)).toBeCloseTo(8, 6);
    expect(forecast(1, 10)).toBe(0);
    expect(forecast(1, 9, '2026-12-25')).toBeGreaterThan(0);
    expect(forecastArrivals(history, { holidays: new Set(['2026-12-21']) })(1, 9, '2026-12-21')).toBe(0);
  });
});
