import { describe, expect, it } from 'vitest';
import { erlangA, techniciansNeededWithAbandonment } from '../src/staffing/erlang-a.ts';
import { erlangC, serviceLevel, techniciansNeeded } from '../src/staffing/erlang-c.ts';
import { mixServiceTimes, serviceTimesByCategory } from '../src/staffing/service-time-mix.ts';
import { pooledHourlyForecast } from '../src/staffing/pooled-hourly-forecast.ts';

const load = { arrivalsPerHour: 100, meanServiceSeconds: 180 };

describe('Erlang A', () => {
  it('becomes Erlang C as patience goes to infinity', () => {
    const infinite = erlangA(7, { ...load, meanPatienceSeconds: Infinity }, 20);
    expect(infinite.serviceLevel).toBeCloseTo(serviceLevel(7, load, 20), 8);
    expect(infinite.waitProbability).toBeCloseTo(erlangC(7, 5), 8);
    expect(erlangA(7, { ...load, meanPatienceSeconds: 1e8 }, 20).serviceLevel).toBeCloseTo(serviceLevel(7, load, 20), 5);
  });

  it('matches M/M/infinity when patience equals the service time (known closed form)', () => {
    // With theta = mu every visitor in the system leaves at the same rate: N ~ Poisson(5).
    const result = erlangA(5, { ...load, meanPatienceSeconds: 180 }, 20);
    const poisson = (k: number) => (Math.exp(-5) * 5 ** k) / [1, 1, 2, 6, 24][k]!;
    const below = [0, 1, 2, 3, 4].reduce((a, k) => a + poisson(k), 0);
    expect(result.waitProbability).toBeCloseTo(1 - below, 8);
    // E[(N - 5)+] / offered load = share abandoning; E[(N-5)+] = E[N] - 5 + E[(5-N)+].
    const shortfall = [0, 1, 2, 3, 4].reduce((a, k) => a + (5 - k) * poisson(k), 0);
    expect(result.abandonShare).toBeCloseTo((5 - 5 + shortfall) / 5, 8);
  });

  it('serves more within the target than Erlang C for the same staff, and stays defined when overloaded', () => {
    const withPatience = erlangA(7, { ...load, meanPatienceSeconds: 300 }, 20).serviceLevel;
    expect(withPatience).toBeGreaterThan(serviceLevel(7, load, 20));
    const overloaded = erlangA(4, { ...load, meanPatienceSeconds: 300 }, 600);
    expect(overloaded.serviceLevel).toBeGreaterThan(0);
    expect(overloaded.abandonShare).toBeGreaterThan(0.1);
    expect(serviceLevel(4, load, 600)).toBe(0);
    const target = { ...load, meanPatienceSeconds: 300 };
    const needed = techniciansNeededWithAbandonment(target, 20, 0.8);
    expect(needed).toBeLessThanOrEqual(techniciansNeeded(load, 20, 0.8));
    expect(erlangA(needed, target, 20).serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(erlangA(needed - 1, target, 20).serviceLevel).toBeLessThan(0.8);
  });
});

describe('service-time mixture', () => {
  it('gives the per-category mean and SCV and the mixture moments', () => {
    const [fast] = serviceTimesByCategory([
      { categoryId: 'password', seconds: 60 },
      { categoryId: 'password', seconds: 180 },
    ]);
    expect(fast).toEqual({ categoryId: 'password', count: 2, meanSeconds: 120, scv: 0.25 });
    // Two exponential parts (SCV 1), means 60 and 300, equal weights: mean 180, E[S^2] = (2*3600 + 2*90000)/2.
    const mix = mixServiceTimes([{ weight: 1, meanSeconds: 60, scv: 1 }, { weight: 1, meanSeconds: 300, scv: 1 }]);
    expect(mix.meanSeconds).toBe(180);
    expect(mix.scv).toBeCloseTo(93_600 / 180 ** 2 - 1, 10);
  });
});

describe('pooled hourly forecast', () => {
  const day = (date: string, weekday: number, peak: number, hour = 10) => ({
    day: date, weekday, arrivalsByHour: Array.from({ length: 24 }, (_, h) => (h === hour ? peak : h >= 8 && h <= 17 ? 10 : 0)),
  });

  it('pools working days into one smoothed shape scaled by each weekday level, and keeps closed hours closed', () => {
    const history = [day('2026-11-02', 1, 50), day('2026-11-03', 2, 10), day('2026-11-07', 6, 200, 11)];
    const forecast = pooledHourlyForecast(history, { ownTypeWeekdays: new Set([6, 0]) });
    const tuesday = forecast(2);
    // Tuesday's own 10 o'clock was flat; the pooled, smoothed shape still expects its peak there.
    expect(tuesday[10]!).toBeGreaterThan(tuesday[14]!);
    expect(tuesday[3]).toBe(0);
    // Level: Tuesday's own total (100) shrunk one pseudo-day toward the working-day mean (120).
    expect(tuesday.reduce((a, b) => a + b, 0)).toBeCloseTo(110, 6);
    const saturday = forecast(6);
    expect(saturday[11]!).toBeGreaterThan(saturday[10]!);
    expect(saturday[20]).toBe(0);
  });
});
