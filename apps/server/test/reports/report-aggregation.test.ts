import { reportFigures } from '@walkup/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anonymiseVisits } from '../../src/privacy/anonymise.ts';
import { createReportReader } from '../../src/reports/report-reader.ts';
import { sumReportBuckets } from '../../src/reports/report-queries.ts';
import { checkIn, createTestApp, demo, type TestApp } from '../helpers/test-app.ts';
import { playVisitDay } from './visit-day.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

const day = { siteIds: [demo.site], from: '2026-11-23', to: '2026-11-23' };
const figuresOf = async (groupBy: Parameters<typeof sumReportBuckets>[2] = []) =>
  (await sumReportBuckets(t.database.db, day, groupBy)).map(({ key, totals }) => ({ key, figures: reportFigures(totals, 600) }));

describe('report aggregation from the log', () => {
  it('counts each ended visit once in its check-in hour: waits, service, outcomes, feedback', async () => {
    await playVisitDay(t);
    await t.app.walkup.reports.drain();
    const [all] = await figuresOf();
    expect(all!.figures).toMatchObject({
      visits: 3,
      served: 1,
      waitMean: 600, // (300 + 900) / 2
      waitMax: 900,
      shareWithinTarget: 0.5,
      serviceMean: 600,
      noShows: 1,
      cancelled: 1,
      resolvedAtDesk: 1,
      feedbackCount: 1,
      feedbackMean: 3,
    });
    const byTechnician = await figuresOf(['technician', 'hour', 'weekday']);
    expect(byTechnician.map((row) => [row.key, row.figures.visits])).toEqual([
      [{ technician: '', hour: 10, weekday: 1 }, 1],
      [{ technician: demo.alex, hour: 10, weekday: 1 }, 2],
    ]);
  });

  it('keeps its own cursor: a second reader adds nothing twice, later events are added', async () => {
    await playVisitDay(t);
    await t.app.walkup.reports.drain();
    const other = createReportReader({ db: t.database.db, bus: t.app.walkup.bus });
    await other.drain();
    expect((await figuresOf())[0]!.figures.visits).toBe(3);
    const late = (await checkIn(t.app, demo.softwareChoice, { kind: 'guest', name: 'Late Comer' })).json();
    await t.as.kiosk.inject({ method: 'POST', url: `/api/visits/${late.id}/cancel`, payload: {} });
    await other.drain();
    expect((await figuresOf())[0]!.figures).toMatchObject({ visits: 4, cancelled: 2 });
  });

  it('still counts anonymised visits, and a rebuild from the log gives the same figures', async () => {
    const { first, second, third } = await playVisitDay(t);
    await t.app.walkup.reports.drain();
    const before = await figuresOf(['queue', 'technician']);
    await t.database.db.transaction().execute((trx) => anonymiseVisits(trx, [first, second, third], '2026-12-30T00:00:00.000Z'));
    await t.app.walkup.reports.rebuild();
    expect(await figuresOf(['queue', 'technician'])).toEqual(before);
    expect(before.length).toBe(2);
  });
});
