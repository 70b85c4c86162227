import { erlangA, pooledHourlyForecast, shareWithinTarget, staffNeeded, weekdayOfDay } from '@walkup/domain';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withReportTables } from '../../src/reports/report-schema.ts';
import { createTestApp, demo, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let visitCount = 0;
const dayMs = 86_400_000;
const addDaysTo = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
const mondayBefore = (weeks: number) => new Date(Date.parse('2026-11-30T00:00:00Z') - weeks * 7 * dayMs).toISOString().slice(0, 10);

/** Visits of a local hour at the demo site (Paris, UTC+1 in November), one every `spacing` minutes, the technicians taking turns. */
async function addVisits(day: string, hour: number, options: { count: number; waitSeconds: number; serviceSeconds: number; spacingMinutes: number; technicians?: string[] }) {
  const technicians = options.technicians ?? [demo.sam, demo.alex];
  for (let i = 0; i < options.count; i++) {
    const checkedIn = Date.parse(`${day}T${String(hour - 1).padStart(2, '0')}:00:00Z`) + i * options.spacingMinutes * 60_000;
    const at = (seconds: number) => new Date(checkedIn + seconds * 1000).toISOString();
    visitCount++;
    await withReportTables(t.database.db)
      .insertInto('report_visits')
      .values({
        visit_id: `history-${visitCount}`, site_id: demo.site, queue_id: 'hq-hardware', category_id: demo.hardwareChoice, technician_id: technicians[i % technicians.length]!, desk_id: demo.desk1,
        ticket_number: `H${visitCount}`, day, hour, weekday: weekdayOfDay(day), checked_in_at: at(0), called_at: at(options.waitSeconds), started_at: at(options.waitSeconds),
        ended_at: at(options.waitSeconds + options.serviceSeconds), outcome: 'resolved', wait_seconds: options.waitSeconds, service_seconds: options.serviceSeconds,
        transfers: 0, estimate_seconds: null, feedback_score: null,
      })
      .execute();
  }
}

beforeAll(async () => {
  t = await createTestApp({ security: { rateLimit: false } });
  // Four Mondays with 10 visitors between 10:00 and 11:00, called at once and served 10 minutes each.
  for (let week = 1; week <= 4; week++) await addVisits(mondayBefore(week), 10, { count: 10, waitSeconds: 0, serviceSeconds: 600, spacingMinutes: 6 });
  // Eight weeks ago is outside the four weeks the forecast learns from.
  await addVisits(mondayBefore(8), 10, { count: 40, waitSeconds: 0, serviceSeconds: 600, spacingMinutes: 1 });
});
afterAll(async () => t.close());

const plan = (body: object) => t.as.manager.inject({ method: 'POST', url: `/api/manager/sites/${demo.site}/staffing`, payload: { weekStart: '2026-11-30', targetWaitMinutes: 10, goalPercent: 90, ...body } });
type Hour = { day: string; hour: number; expectedArrivals: number; meanServiceSeconds: number; techniciansNeeded: number; planned: number | null; plannedServiceLevel: number | null };
const at = (hours: Hour[], day: string, hour: number) => hours.find((h) => h.day === day && h.hour === hour)!;

describe('staffing forecast', () => {
  it('forecasts with the pooled hourly forecast of the last four weeks and staffs with the model the bench validates', async () => {
    const roster = new Array<number>(168).fill(0);
    roster[10] = 2;
    const response = await plan({ roster });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { hours: Hour[]; meanPatienceSeconds: number | null; serviceScv: number; staffEfficiency: number };
    expect(body.hours).toHaveLength(168);
    // Everyone was called at once by the technicians on duty: nothing suggests they served less than their head count.
    expect(body).toMatchObject({ meanPatienceSeconds: null, serviceScv: 0, staffEfficiency: 1 });
    const days = Array.from({ length: 28 }, (_, d) => new Date(Date.parse('2026-11-02T00:00:00Z') + d * dayMs).toISOString().slice(0, 10));
    // The demo site opens the same hours all week: its seven days are one working-day type.
    const history = days.map((day) => ({ day, weekday: weekdayOfDay(day), arrivalsByHour: Array.from({ length: 24 }, (_, h) => (h === 10 && weekdayOfDay(day) === 1 ? 10 : 0)) }));
    const expected = pooledHourlyForecast(history, { ownTypeWeekdays: new Set() })(1)[10]!;
    const monday10 = at(body.hours, '2026-11-30', 10);
    // Four Mondays of 10, shrunk toward the working days' mean level (the 40 of eight weeks ago do not count).
    expect(monday10.expectedArrivals).toBeCloseTo(expected, 2);
    expect(monday10.expectedArrivals).toBeGreaterThan(8);
    expect(monday10.expectedArrivals).toBeLessThan(10);
    // A Tuesday borrows the working days' shape at its own (low) level: some arrivals at 10:00, none at night.
    expect(at(body.hours, '2026-12-01', 10).expectedArrivals).toBeGreaterThan(0);
    expect(at(body.hours, '2026-12-01', 10).expectedArrivals).toBeLessThan(monday10.expectedArrivals);
    expect(at(body.hours, '2026-12-01', 3).techniciansNeeded).toBe(0);
    const model = { meanServiceSeconds: 600, serviceScv: 0, meanPatienceSeconds: Infinity, staffEfficiency: 1 };
    expect(monday10).toMatchObject({ meanServiceSeconds: 600, planned: 2, techniciansNeeded: staffNeeded(model, monday10.expectedArrivals, 600, 0.9) });
    expect(monday10.techniciansNeeded).toBeGreaterThanOrEqual(2);
    expect(monday10.plannedServiceLevel).toBeCloseTo(shareWithinTarget(model, monday10.expectedArrivals, 2, 600), 3);
  });

  it('learns the patience from cancellations and staffs with Erlang A (visitors who give up lighten the queue)', async () => {
    for (const [index, minutes] of [[1, 5], [2, 15]] as const) {
      await withReportTables(t.database.db)
        .insertInto('report_visits')
        .values({
          visit_id: `gave-up-${index}`, site_id: demo.site, queue_id: 'hq-hardware', category_id: demo.hardwareChoice, technician_id: null, desk_id: null,
          ticket_number: `G${index}`, day: '2026-11-23', hour: 10, weekday: 1, checked_in_at: '2026-11-23T09:00:00.000Z', called_at: null, started_at: null,
          ended_at: new Date(Date.parse('2026-11-23T09:00:00.000Z') + minutes * 60_000).toISOString(), outcome: 'cancelled', wait_seconds: null,
          service_seconds: null, transfers: 0, estimate_seconds: null, feedback_score: null,
        })
        .execute();
    }
    const roster = new Array<number>(168).fill(0);
    roster[10] = 1;
    const body = (await plan({ roster })).json();
    // Called visitors waited 0 s: the patience is what the two who gave up waited, per giving up.
    expect(body.meanPatienceSeconds).toBe(600);
    const monday10 = at(body.hours, '2026-11-30', 10);
    const load = { arrivalsPerHour: monday10.expectedArrivals, meanServiceSeconds: 600, meanPatienceSeconds: 600 };
    // SCV 0 (every service 10 min) makes the 10 min target count double: 20 min of an exponential system.
    expect(monday10.plannedServiceLevel).toBeCloseTo(erlangA(1, load, 1200).serviceLevel, 3);
    expect(monday10.plannedServiceLevel).toBeGreaterThan(erlangA(1, { ...load, meanPatienceSeconds: Infinity }, 1200).serviceLevel + 0.02);
  });

  it('fits a staff efficiency below 1 when technicians on duty still left visitors waiting, and asks for more of them', async () => {
    const before = (await plan({})).json();
    // Four Mondays at 14:00: 10 visitors, each waiting 20 min although five technicians were on duty for 10 min visits.
    const five = ['tech-1', 'tech-2', 'tech-3', 'tech-4', 'tech-5'];
    for (let week = 1; week <= 4; week++) await addVisits(mondayBefore(week), 14, { count: 10, waitSeconds: 1200, serviceSeconds: 600, spacingMinutes: 6, technicians: five });
    const after = (await plan({})).json();
    expect(after.staffEfficiency).toBeLessThan(1);
    expect(at(after.hours, '2026-11-30', 10).techniciansNeeded).toBeGreaterThan(at(before.hours, '2026-11-30', 10).techniciansNeeded);
  });

  it('forecasts a holiday as closed and refuses a roster of the wrong length', async () => {
    const holiday = (await plan({ holidays: ['2026-11-30'] })).json().hours as Hour[];
    expect(at(holiday, '2026-11-30', 10).techniciansNeeded).toBe(0);
    const bad = await plan({ roster: [1, 2, 3] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('roster');
    expect((await plan({ weekStart: '2026-02-30' })).json().code).toBe('invalid_range');
  });
});

describe('staffing forecast: the site\'s week and a longer efficiency fit', () => {
  beforeEach(async () => {
    t = await createTestApp({ security: { rateLimit: false } });
  });
  afterEach(async () => t.close());

  it('takes the working days and the weekend from the opening hours: Sunday works, Friday is short, Saturday is closed', async () => {
    const long: Array<[string, string]> = [['08:00', '18:00']];
    const hours = { sun: long, mon: long, tue: long, wed: long, thu: long, fri: [['08:00', '13:00']] };
    await t.database.db.updateTable('sites').set({ opening_hours: JSON.stringify(hours) }).where('id', '=', demo.site).execute();
    // Four Mondays and the Sundays after them with 10 visitors at 10:00, and one Saturday from before the site closed on Saturdays.
    const busy = [1, 2, 3, 4].flatMap((week) => [mondayBefore(week), addDaysTo(mondayBefore(week), 6)]).concat(addDaysTo(mondayBefore(1), 5));
    for (const day of busy) await addVisits(day, 10, { count: 10, waitSeconds: 0, serviceSeconds: 600, spacingMinutes: 6 });
    const body = (await plan({})).json() as { hours: Hour[] };
    const days = Array.from({ length: 28 }, (_, d) => addDaysTo('2026-11-02', d));
    const history = days.map((day) => ({ day, weekday: weekdayOfDay(day), arrivalsByHour: Array.from({ length: 24 }, (_, h) => (h === 10 && busy.includes(day) ? 10 : 0)) }));
    const sunday = '2026-12-06';
    // Sunday pools with the working days (Friday and Saturday are apart), not with Saturday as a Saturday-Sunday weekend would have it.
    const expected = pooledHourlyForecast(history, { ownTypeWeekdays: new Set([5, 6]) })(0)[10]!;
    expect(expected).not.toBeCloseTo(pooledHourlyForecast(history)(0)[10]!, 2);
    expect(at(body.hours, sunday, 10).expectedArrivals).toBeCloseTo(expected, 2);
    // Saturday is closed now, whatever came on a Saturday before.
    expect(body.hours.filter((h) => h.day === '2026-12-05').every((h) => h.expectedArrivals === 0 && h.techniciansNeeded === 0)).toBe(true);
  });

  it('fits the staff efficiency on the last six weeks, not on the last week alone', async () => {
    // Weeks 2 to 5 before: Mondays at 14:00, 10 visitors each waited 20 min with five technicians on duty for 10 min visits.
    const five = ['tech-1', 'tech-2', 'tech-3', 'tech-4', 'tech-5'];
    for (let week = 2; week <= 5; week++) await addVisits(mondayBefore(week), 14, { count: 10, waitSeconds: 1200, serviceSeconds: 600, spacingMinutes: 6, technicians: five });
    // The last week: called at once.
    await addVisits(mondayBefore(1), 10, { count: 10, waitSeconds: 0, serviceSeconds: 600, spacingMinutes: 6 });
    const body = (await plan({})).json();
    expect(body.staffEfficiency).toBeLessThan(0.9);
  });

  it('learns from the days the log has when it is younger than the window, not from unknown days counted as quiet', async () => {
    // The log starts last Monday: one Monday of 10 visitors at 10:00.
    await addVisits(mondayBefore(1), 10, { count: 10, waitSeconds: 0, serviceSeconds: 600, spacingMinutes: 6 });
    const body = (await plan({})).json() as { hours: Hour[] };
    const days = Array.from({ length: 7 }, (_, d) => addDaysTo(mondayBefore(1), d));
    const history = days.map((day) => ({ day, weekday: weekdayOfDay(day), arrivalsByHour: Array.from({ length: 24 }, (_, h) => (h === 10 && weekdayOfDay(day) === 1 ? 10 : 0)) }));
    expect(at(body.hours, '2026-11-30', 10).expectedArrivals).toBeCloseTo(pooledHourlyForecast(history, { ownTypeWeekdays: new Set() })(1)[10]!, 2);
  });
});
