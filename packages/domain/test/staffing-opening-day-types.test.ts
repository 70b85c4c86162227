import { describe, expect, it } from 'vitest';
import { openingDayTypes } from '../src/staffing/opening-day-types.ts';
import { fitStaffEfficiency, recentWeekWeight, shareWithinTarget, type StaffingModel } from '../src/staffing/staffing-model.ts';

const sorted = (set: ReadonlySet<number>) => [...set].sort();

describe('openingDayTypes', () => {
  it('takes the weekend from the opening hours: a bank open Sunday-Thursday, short on Friday, on Saturday evening', () => {
    const long: Array<[string, string]> = [['07:00', '24:00']];
    const types = openingDayTypes({ sun: long, mon: long, tue: long, wed: long, thu: long, fri: [['07:00', '14:00']], sat: [['19:00', '24:00']] });
    expect(sorted(types.ownTypeWeekdays)).toEqual([5, 6]);
    expect(sorted(types.closedWeekdays)).toEqual([]);
  });

  it('closes the days without hours and pools every day of a site open the same hours all week', () => {
    const day: Array<[string, string]> = [['08:00', '12:00'], ['13:00', '17:30']];
    const office = openingDayTypes({ mon: day, tue: day, wed: day, thu: day, fri: day });
    expect(sorted(office.closedWeekdays)).toEqual([0, 6]);
    expect(sorted(office.ownTypeWeekdays)).toEqual([0, 6]);
    const allWeek: Array<[string, string]> = [['00:00', '24:00']];
    const always = openingDayTypes({ sun: allWeek, mon: allWeek, tue: allWeek, wed: allWeek, thu: allWeek, fri: allWeek, sat: allWeek });
    expect(sorted(always.ownTypeWeekdays)).toEqual([]);
    // Tuesday to Saturday open, Monday closed: Sunday and Monday are the weekend, Saturday a working day.
    const shop = openingDayTypes({ tue: day, wed: day, thu: day, fri: day, sat: day });
    expect(sorted(shop.ownTypeWeekdays)).toEqual([0, 1]);
    expect(sorted(shop.closedWeekdays)).toEqual([0, 1]);
  });

  it('falls back to a Saturday-Sunday weekend when the site has no opening hours at all', () => {
    expect(sorted(openingDayTypes({}).ownTypeWeekdays)).toEqual([0, 6]);
    expect(sorted(openingDayTypes({}).closedWeekdays)).toEqual([]);
  });
});

describe('fitStaffEfficiency over several weeks', () => {
  const model: StaffingModel = { meanServiceSeconds: 180, serviceScv: 1, meanPatienceSeconds: 300, staffEfficiency: 1 };
  const weekAt = (efficiency: number, weight: number) =>
    [[60, 5], [100, 8], [140, 11], [80, 4.5], [120, 7]].map(([arrivals, staff]) => ({
      arrivals: arrivals!, staffOnDuty: staff!, weight, calledWithinTarget: shareWithinTarget({ ...model, staffEfficiency: efficiency }, arrivals!, staff!, 60) * arrivals!,
    }));

  it('counts each hour by its weight: a weight of 2 is the hour twice, a weight of 0 leaves it out', () => {
    const twice = fitStaffEfficiency([...weekAt(0.6, 1), ...weekAt(0.6, 1), ...weekAt(0.9, 1)], model, 60);
    expect(fitStaffEfficiency([...weekAt(0.6, 2), ...weekAt(0.9, 1)], model, 60)).toBe(twice);
    expect(twice).toBeLessThan(0.8);
    expect(fitStaffEfficiency([...weekAt(0.6, 0), ...weekAt(0.9, 1)], model, 60)).toBeCloseTo(0.9, 10);
  });

  it('weights recent weeks more: halved every two weeks', () => {
    expect(recentWeekWeight(0)).toBe(1);
    expect(recentWeekWeight(2)).toBe(0.5);
    expect(recentWeekWeight(1)).toBeGreaterThan(recentWeekWeight(3));
    // The last week at 0.9, the three before at 0.6: the fit leans to the recent week, but not all the way.
    const hours = [0, 1, 2, 3].flatMap((weeksAgo) => weekAt(weeksAgo === 0 ? 0.9 : 0.6, recentWeekWeight(weeksAgo)));
    const fitted = fitStaffEfficiency(hours, model, 60);
    expect(fitted).toBeGreaterThan(0.6);
    expect(fitted).toBeLessThan(0.9);
  });
});
