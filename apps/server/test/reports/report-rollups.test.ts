import { durationBinCount, durationBinOf, reportFigures, type BucketTotals } from '@walkup/domain';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendEvent } from '../../src/queries/events.ts';
import { sumReportBuckets, type ReportGrouping } from '../../src/reports/report-queries.ts';
import { cumulativeRollupFor, cumulativeRollups, planReportRange, type CumulativeRollup } from '../../src/reports/report-rollups.ts';
import { summedBucketColumns, withReportTables, type ReportVisitRow } from '../../src/reports/report-schema.ts';
import { createTestApp, demo, type TestApp } from '../helpers/test-app.ts';
import { up as addCumulativeHours } from '../../../../db/migrations/2026-12-01T1300-report-cumulative-hours.ts';
import { up as addCumulativeTechnicianHours } from '../../../../db/migrations/2026-12-01T1500-report-cumulative-technician-hours.ts';

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('planReportRange', () => {
  it('reads whole months from a monthly table and the edge days from the daily one', () => {
    const parts = planReportRange({ from: '2025-01-15', to: '2025-12-30' }, ['weekday']);
    expect(parts.map((p) => [p.rollup.table, p.from, p.to])).toEqual([
      ['report_month_weekdays', '2025-02', '2025-11'],
      ['report_site_days', '2025-01-15', '2025-01-31'],
      ['report_site_days', '2025-12-01', '2025-12-30'],
    ]);
    expect(planReportRange({ from: '2024-02-01', to: '2024-02-29' }, ['queue', 'site']).map((p) => [p.rollup.table, p.from, p.to])).toEqual([['report_months', '2024-02', '2024-02']]);
    expect(planReportRange({ from: '2025-01-01', to: '2025-03-31' }, ['hour']).map((p) => p.rollup.table)).toEqual(['report_month_site_hours']);
    expect(planReportRange({ from: '2025-01-01', to: '2025-03-31' }, ['weekday', 'hour']).map((p) => p.rollup.table)).toEqual(['report_month_hours']);
    expect(planReportRange({ from: '2025-01-01', to: '2025-12-31' }, ['technician', 'hour']).map((p) => p.rollup.table)).toEqual(['report_month_people_hours']);
    expect(planReportRange({ from: '2025-01-10', to: '2025-12-31' }, ['queue', 'category', 'hour']).map((p) => p.rollup.table)).toEqual(['report_month_people_hours', 'report_buckets']);
    expect(planReportRange({ from: '2025-01-02', to: '2025-03-31' }, ['weekday', 'hour']).map((p) => p.rollup.table)).toEqual(['report_month_hours', 'report_day_hours']);
  });

  it('sums long ranges grouped among site, weekday and hour from the prefix sums, short ones from the other tables', () => {
    const readsCumulativeHours = (range: { from: string; to: string }, groupBy: ReportGrouping[]) => cumulativeRollupFor(range, groupBy)?.table === 'report_cumulative_hours';
    const year = { from: '2025-01-01', to: '2025-12-31' };
    const partial = { from: '2025-01-15', to: '2025-12-14' };
    expect(readsCumulativeHours(year, ['weekday', 'hour'])).toBe(true);
    expect(readsCumulativeHours({ from: '2025-01-01', to: '2025-06-30' }, ['site', 'weekday', 'hour'])).toBe(true);
    expect(readsCumulativeHours(partial, ['hour'])).toBe(true);
    expect(readsCumulativeHours(partial, ['site', 'hour'])).toBe(true);
    // 12 monthly rows per hour, or few rows per weekday: cheaper than 168 seeks and two rows per cell.
    expect(readsCumulativeHours(year, ['hour'])).toBe(false);
    expect(readsCumulativeHours(partial, ['weekday'])).toBe(false);
    expect(readsCumulativeHours(year, [])).toBe(false);
    expect(readsCumulativeHours({ from: '2025-01-01', to: '2025-03-31' }, ['weekday', 'hour'])).toBe(false);
    expect(readsCumulativeHours({ from: '2025-06-02', to: '2025-06-02' }, ['weekday', 'hour'])).toBe(false);
    expect(readsCumulativeHours({ from: '2025-06-02', to: '2025-06-20' }, ['hour'])).toBe(false);
    // Groupings the prefix sums do not keep.
    expect(readsCumulativeHours(year, ['queue', 'hour'])).toBe(false);
    expect(readsCumulativeHours(year, ['day'])).toBe(false);
  });

  it('sums long ranges grouped among site, technician and hour from the technician prefix sums, from four months on', () => {
    const readsTechnicianHours = (range: { from: string; to: string }, groupBy: ReportGrouping[]) => cumulativeRollupFor(range, groupBy)?.table === 'report_cumulative_technician_hours';
    const year = { from: '2025-01-01', to: '2025-12-31' };
    expect(readsTechnicianHours(year, ['technician', 'hour'])).toBe(true);
    expect(readsTechnicianHours(year, ['site', 'technician', 'hour'])).toBe(true);
    expect(readsTechnicianHours({ from: '2025-01-01', to: '2025-05-31' }, ['technician', 'hour'])).toBe(true);
    // Five weeks of edge days by hour (35 x 24 rows) beside a month.
    expect(readsTechnicianHours({ from: '2025-01-10', to: '2025-03-15' }, ['technician', 'hour'])).toBe(true);
    // Four months: 96 rows per technician, not more than four per cell.
    expect(readsTechnicianHours({ from: '2025-01-01', to: '2025-04-30' }, ['technician', 'hour'])).toBe(false);
    expect(readsTechnicianHours({ from: '2025-06-02', to: '2025-06-03' }, ['technician', 'hour'])).toBe(false);
    // By technician alone a year is 12 monthly rows per technician; by site or hour the weekday x hour sums are smaller.
    expect(readsTechnicianHours(year, ['technician'])).toBe(false);
    expect(readsTechnicianHours(year, ['site', 'technician'])).toBe(false);
    expect(cumulativeRollupFor({ from: '2025-01-15', to: '2025-12-14' }, ['site', 'hour'])?.table).toBe('report_cumulative_hours');
    expect(cumulativeRollupFor(year, ['hour'])).toBeUndefined();
    // Groupings the prefix sums do not keep.
    expect(cumulativeRollupFor(year, ['technician', 'queue', 'hour'])).toBeUndefined();
    expect(cumulativeRollupFor(year, ['technician', 'weekday'])).toBeUndefined();
  });

  it('stays on the daily tables without a whole month, grouped by day, or by weekday and a person', () => {
    expect(planReportRange({ from: '2025-01-02', to: '2025-02-27' }, []).map((p) => p.rollup.table)).toEqual(['report_site_days']);
    expect(planReportRange({ from: '2025-01-01', to: '2025-12-31' }, ['day']).map((p) => p.rollup.table)).toEqual(['report_site_days']);
    expect(planReportRange({ from: '2025-01-01', to: '2025-12-31' }, ['day', 'queue']).map((p) => p.rollup.table)).toEqual(['report_days']);
    expect(planReportRange({ from: '2025-01-01', to: '2025-12-31' }, ['technician', 'weekday']).map((p) => p.rollup.table)).toEqual(['report_days']);
  });
});

let t: TestApp;
const choices = [['hq-hardware', 'laptop-no-boot'], ['hq-access', 'access-password'], ['hq-software', 'software-install']] as const;

type PlannedEvent = { visitId: string; type: string; at: string; data: object };

/** Random visits over 14 months, each as the events the app would log (check-in, call, start, end, feedback). */
function planRandomVisits(count: number, firstIndex: number, random: () => number): PlannedEvent[][] {
  const first = Date.parse('2024-12-20T06:00:00Z');
  const span = 430 * 86_400_000;
  return Array.from({ length: count }, (_, n) => {
    const i = firstIndex + n;
    const visitId = `random-${i}`;
    const checkedIn = first + Math.floor(random() * span);
    const at = (seconds: number) => new Date(checkedIn + seconds * 1000).toISOString();
    const [queueId, categoryId] = choices[Math.floor(random() * choices.length)]!;
    const technicianId = random() < 0.5 ? demo.alex : demo.sam;
    const events: PlannedEvent[] = [];
    const plan = (type: string, seconds: number, data: object) => events.push({ visitId, type, at: at(seconds), data });
    plan('visit.checked_in', 0, { queueId, categoryId, ticketNumber: `R-${i}`, priority: 0, checkedInAt: at(0), visitor: { kind: 'guest' }, note: null });
    const wait = Math.floor(random() ** 2 * 7200);
    const fate = random();
    if (fate < 0.08) {
      plan('visit.cancelled', wait, { reason: null });
      return events;
    }
    plan('visit.called', wait, { deskId: demo.desk1, technicianId, outOfOrder: false });
    if (fate < 0.15) {
      plan('visit.no_show', wait + 120, { technicianId });
      return events;
    }
    plan('visit.started', wait + 30, { deskId: demo.desk1, technicianId });
    const service = Math.floor(random() ** 2 * 5400);
    plan(fate < 0.25 ? 'visit.escalated' : 'visit.resolved', wait + 30 + service, { note: '', technicianId, groupId: 'g', reason: '' });
    const feedback = (score: number, seconds: number) => plan('visit.feedback_given', seconds, { score, comment: null, technicianId, categoryId });
    if (random() < 0.4) feedback(1 + Math.floor(random() * 3), wait + 60 + service);
    // A changed score: the reader takes the old one back (negative deltas) and adds the new one.
    if (random() < 0.15) feedback(1 + Math.floor(random() * 3), wait + 3_600 + service);
    return events;
  });
}

async function appendEvents(events: readonly PlannedEvent[]): Promise<void> {
  await t.database.db.transaction().execute(async (trx) => {
    for (const e of events) await appendEvent(trx, { siteId: demo.site, type: e.type as 'visit.called', visitId: e.visitId, at: e.at, data: e.data as never });
  });
}

/**
 * 400 random visits over 14 months, read in two rounds: the second adds visits on days before ones
 * already counted, and the last event of every fourth visit of the first round (its ending, or its
 * feedback), held back until then: a visit ending later, feedback given later, for an earlier day.
 */
async function logRandomVisitsInTwoRounds(random: () => number): Promise<void> {
  const firstRound = planRandomVisits(250, 0, random);
  const heldBack = firstRound.filter((_, i) => i % 4 === 0).map((events) => events.pop()!);
  await appendEvents(firstRound.flat());
  await t.app.walkup.reports.drain();
  await appendEvents([...planRandomVisits(150, 250, random).flat(), ...heldBack]);
  await t.app.walkup.reports.drain();
}

const keyOf = (visit: ReportVisitRow, groupBy: readonly ReportGrouping[]) =>
  JSON.stringify(groupBy.map((g) => ({ site: visit.site_id, queue: visit.queue_id, category: visit.category_id, technician: visit.technician_id ?? '', day: visit.day, hour: visit.hour, weekday: visit.weekday })[g]));

/** The totals computed straight from the per-visit rows, without any summed table. */
function directTotals(visits: readonly ReportVisitRow[], groupBy: readonly ReportGrouping[]): Map<string, BucketTotals> {
  const groups = new Map<string, BucketTotals>();
  for (const v of visits) {
    const key = keyOf(v, groupBy);
    const bins = () => new Array<number>(durationBinCount).fill(0);
    const g = groups.get(key) ?? ({ visits: 0, served: 0, resolved: 0, escalated: 0, noShows: 0, cancelled: 0, transfers: 0, waitCount: 0, waitSum: 0, waitMax: 0, waitBins: bins(), serviceCount: 0, serviceSum: 0, serviceMax: 0, serviceBins: bins(), feedbackCount: 0, feedbackSum: 0, feedbackUnhappy: 0, feedbackHappy: 0, estimateCount: 0, estimateErrorSum: 0, estimateAbsoluteErrorSum: 0, estimateClose: 0 } as BucketTotals);
    groups.set(key, g);
    g.visits++;
    if (v.started_at) g.served++;
    if (v.outcome === 'resolved') g.resolved++;
    if (v.outcome === 'escalated') g.escalated++;
    if (v.outcome === 'no_show') g.noShows++;
    if (v.outcome === 'cancelled') g.cancelled++;
    if (v.wait_seconds !== null) {
      Object.assign(g, { waitCount: g.waitCount + 1, waitSum: g.waitSum + v.wait_seconds, waitMax: Math.max(g.waitMax, v.wait_seconds) });
      g.waitBins[durationBinOf(v.wait_seconds)]!++;
    }
    if (v.service_seconds !== null) {
      Object.assign(g, { serviceCount: g.serviceCount + 1, serviceSum: g.serviceSum + v.service_seconds, serviceMax: Math.max(g.serviceMax, v.service_seconds) });
      g.serviceBins[durationBinOf(v.service_seconds)]!++;
    }
    if (v.feedback_score !== null) Object.assign(g, { feedbackCount: g.feedbackCount + 1, feedbackSum: g.feedbackSum + v.feedback_score, feedbackUnhappy: g.feedbackUnhappy + Number(v.feedback_score === 1), feedbackHappy: g.feedbackHappy + Number(v.feedback_score === 3) });
  }
  return groups;
}

const groupings: ReportGrouping[][] = [
  [], ['site'], ['queue'], ['technician', 'category'], ['weekday'], ['hour'], ['weekday', 'hour'], ['site', 'weekday'], ['site', 'hour'], ['site', 'weekday', 'hour'],
  ['queue', 'hour'], ['technician', 'hour'], ['category', 'weekday'], ['site', 'technician', 'hour'], ['day'],
];
const randomDay = (random: () => number) => new Date(Date.parse('2024-12-15T00:00:00Z') + Math.floor(random() * 445) * 86_400_000).toISOString().slice(0, 10);

/**
 * The prefix sums as they should be: per site x cell, the running totals by day of report_buckets
 * (the per-visit counts of each site, day, hour, queue, category and technician) summed per cell x day.
 */
async function expectedCumulative(cumulative: CumulativeRollup): Promise<Array<Record<string, string | number>>> {
  const keyColumns = ['site_id', ...cumulative.cell, 'day'];
  const buckets = await withReportTables(t.database.db).selectFrom('report_buckets').selectAll().execute();
  const days = new Map<string, Record<string, string | number>>();
  for (const bucket of buckets) {
    const row = bucket as unknown as Record<string, string | number>;
    const key = JSON.stringify(keyColumns.map((c) => row[c]));
    const day = days.get(key) ?? Object.fromEntries([...keyColumns.map((c) => [c, row[c]!]), ...summedBucketColumns.map((c) => [c, 0])]);
    for (const column of summedBucketColumns) day[column] = Number(day[column]) + Number(row[column]);
    days.set(key, day);
  }
  const running = new Map<string, Record<string, number>>();
  return [...days.values()].sort(byKey(keyColumns)).map((row) => {
    const cell = JSON.stringify(keyColumns.slice(0, -1).map((c) => row[c]));
    const totals = running.get(cell) ?? {};
    for (const column of summedBucketColumns) totals[column] = (totals[column] ?? 0) + Number(row[column]);
    running.set(cell, totals);
    return { ...row, ...totals };
  });
}

const byKey = (columns: readonly string[]) => (a: Record<string, string | number>, b: Record<string, string | number>) => {
  for (const c of columns) if (a[c] !== b[c]) return a[c]! < b[c]! ? -1 : 1;
  return 0;
};

async function storedCumulative(cumulative: CumulativeRollup): Promise<Array<Record<string, string | number>>> {
  const keyColumns = ['site_id', ...cumulative.cell, 'day'];
  const rows = (await (withReportTables(t.database.db) as unknown as Kysely<any>).selectFrom(cumulative.table).selectAll().execute()) as Array<Record<string, string | number>>;
  return rows
    .map((row) => ({ ...Object.fromEntries(keyColumns.map((c) => [c, c === 'hour' || c === 'weekday' ? Number(row[c]) : row[c]!])), ...Object.fromEntries(summedBucketColumns.map((c) => [c, Number(row[c])])) }))
    .sort(byKey(keyColumns));
}

const storedPrefixSums = () => Promise.all(cumulativeRollups.map(storedCumulative));

describe('monthly rollups', () => {
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t.close());

  it('answer any range and grouping exactly as a direct count of the visits does', async () => {
    const random = seededRandom(2026);
    await logRandomVisitsInTwoRounds(random);
    const prefixSums = await storedPrefixSums();
    for (const [i, cumulative] of cumulativeRollups.entries()) {
      expect(prefixSums[i]!.length, cumulative.table).toBeGreaterThan(100);
      expect(prefixSums[i], cumulative.table).toEqual(await expectedCumulative(cumulative));
    }
    // The migrations fill the tables from existing daily sums to the same rows (on either engine).
    for (const cumulative of cumulativeRollups) await t.database.db.schema.dropTable(cumulative.table).execute();
    await addCumulativeHours(t.database.db as never);
    await addCumulativeTechnicianHours(t.database.db as never);
    expect(await storedPrefixSums()).toEqual(prefixSums);
    const ended = (await withReportTables(t.database.db).selectFrom('report_visits').selectAll().where('outcome', '!=', 'open').execute()) as ReportVisitRow[];
    expect(ended.length).toBe(400);
    const ranges = [{ from: '2024-12-01', to: '2026-02-28' }, { from: '2025-01-01', to: '2025-12-31' }, { from: '2025-03-01', to: '2025-03-31' }];
    while (ranges.length < 12) {
      const [from, to] = [randomDay(random), randomDay(random)].sort() as [string, string];
      ranges.push({ from, to });
    }
    let compared = 0;
    const fromPrefixSums = new Map<string, number>();
    for (const range of ranges) {
      for (const groupBy of groupings) {
        const cumulative = cumulativeRollupFor(range, groupBy)?.table ?? 'none';
        fromPrefixSums.set(cumulative, (fromPrefixSums.get(cumulative) ?? 0) + 1);
        const inRange = ended.filter((v) => v.day >= range.from && v.day <= range.to);
        const expected = directTotals(inRange, groupBy);
        const rows = await sumReportBuckets(t.database.db, { siteIds: [demo.site], ...range }, groupBy);
        const actual = new Map(rows.map((r) => [JSON.stringify(groupBy.map((g) => r.key[g])), r.totals]));
        expect([...actual.keys()].sort(), `${range.from}..${range.to} by ${groupBy.join(',')}`).toEqual([...expected.keys()].sort());
        for (const [key, totals] of expected) {
          expect(actual.get(key), `${range.from}..${range.to} by ${groupBy.join(',')} ${key}`).toEqual(totals);
          expect(reportFigures(actual.get(key)!, 600)).toEqual(reportFigures(totals, 600));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(400);
    expect(fromPrefixSums.get('report_cumulative_hours')).toBeGreaterThan(20);
    expect(fromPrefixSums.get('report_cumulative_technician_hours')).toBeGreaterThan(10);

    // A rebuild empties the prefix sums and counts them again from the log, to the same totals.
    await t.app.walkup.reports.rebuild();
    expect(await storedPrefixSums()).toEqual(prefixSums);
  }, 120_000);
});
