import { describe, expect, it } from 'vitest';
import { erlangA } from '../src/staffing/erlang-a.ts';
import { atFractionalStaff, fitStaffEfficiency, shareWithinTarget, staffNeeded, staffOnDutyByHour, type StaffingModel } from '../src/staffing/staffing-model.ts';

const exponential: StaffingModel = { meanServiceSeconds: 180, serviceScv: 1, meanPatienceSeconds: 300, staffEfficiency: 1 };

describe('shareWithinTarget', () => {
  it('is Erlang A itself for exponential services and a fully efficient staff', () => {
    const erlang = erlangA(6, { arrivalsPerHour: 100, meanServiceSeconds: 180, meanPatienceSeconds: 300 }, 60).serviceLevel;
    expect(shareWithinTarget(exponential, 100, 6, 60)).toBeCloseTo(erlang, 12);
  });

  it('drops with more variable services (the target counts 2 / (1 + SCV)) and with a less efficient staff', () => {
    const base = shareWithinTarget(exponential, 100, 6, 60);
    const variable = shareWithinTarget({ ...exponential, serviceScv: 2 }, 100, 6, 60);
    const erlangAtShorterTarget = erlangA(6, { arrivalsPerHour: 100, meanServiceSeconds: 180, meanPatienceSeconds: 300 }, 40).serviceLevel;
    expect(variable).toBeCloseTo(erlangAtShorterTarget, 12);
    expect(variable).toBeLessThan(base);
    // 8 on duty at 75 % serve like 6 fully available.
    expect(shareWithinTarget({ ...exponential, staffEfficiency: 0.75 }, 100, 8, 60)).toBeCloseTo(base, 12);
  });

  it('interpolates a fractional staff between the two whole staffs', () => {
    expect(atFractionalStaff(4.25, (servers) => servers * 10)).toBeCloseTo(42.5, 12);
    expect(atFractionalStaff(3, (servers) => servers * 10)).toBe(30);
  });
});

describe('staffNeeded', () => {
  it('is the fewest on duty reaching the goal', () => {
    const model = { ...exponential, staffEfficiency: 0.8 };
    const needed = staffNeeded(model, 100, 60, 0.9);
    expect(shareWithinTarget(model, 100, needed, 60)).toBeGreaterThanOrEqual(0.9);
    expect(shareWithinTarget(model, 100, needed - 1, 60)).toBeLessThan(0.9);
    expect(needed).toBeGreaterThan(staffNeeded(exponential, 100, 60, 0.9));
    expect(staffNeeded(model, 0, 60, 0.9)).toBe(0);
  });
});

describe('fitStaffEfficiency', () => {
  it('recovers the efficiency that produced the observed shares, ignoring thin hours', () => {
    const truth = { ...exponential, staffEfficiency: 0.7 };
    const hours = [[60, 5], [100, 8], [140, 11], [80, 4.5], [120, 7]].map(([arrivals, staff]) => ({
      arrivals: arrivals!,
      staffOnDuty: staff!,
      calledWithinTarget: shareWithinTarget(truth, arrivals!, staff!, 60) * arrivals!,
    }));
    // An hour of 3 visitors all called late would pull a fit toward zero; it is below the minimum.
    hours.push({ arrivals: 3, staffOnDuty: 10, calledWithinTarget: 0 });
    expect(fitStaffEfficiency(hours, exponential, 60)).toBeCloseTo(0.7, 10);
    expect(fitStaffEfficiency([], exponential, 60)).toBe(1);
  });
});

describe('staffOnDutyByHour', () => {
  it('joins services less than 30 min apart into one duty stretch and splits longer gaps, hour by hour', () => {
    const duty = staffOnDutyByHour([
      { technicianId: 'a', start: '2026-11-23T09:30:00', end: '2026-11-23T09:50:00' },
      { technicianId: 'a', start: '2026-11-23T10:10:00', end: '2026-11-23T10:30:00' }, // 20 min idle: same stretch
      { technicianId: 'a', start: '2026-11-23T11:15:00', end: '2026-11-23T11:45:00' }, // 45 min idle: a new stretch
      { technicianId: 'b', start: '2026-11-23T10:00:00', end: '2026-11-23T10:15:00' },
    ]);
    const day = duty.get('2026-11-23')!;
    expect(day.slice(9, 12)).toEqual([0.5, 0.5 + 0.25, 0.5]);
    expect(day.reduce((a, b) => a + b, 0)).toBeCloseTo(1.75, 12);
  });
});
