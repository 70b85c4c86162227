import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymiseVisits } from '../../src/privacy/anonymise.ts';
import { createTestApp, demo, type TestApp } from '../helpers/test-app.ts';
import { addSecondSite, branch } from '../helpers/second-site.ts';
import { playVisitDay } from './visit-day.ts';

let t: TestApp;
let visits: Awaited<ReturnType<typeof playVisitDay>>;
beforeAll(async () => {
  t = await createTestApp({ security: { rateLimit: false } });
  await addSecondSite(t.app, t.database.db);
  visits = await playVisitDay(t);
});
afterAll(async () => t.close());

const day = 'from=2026-11-23&to=2026-11-23';

describe('report API', () => {
  it('gives a manager the figures of their site, grouped and named, with a total', async () => {
    const response = await t.as.manager.inject({ url: `/api/reports/figures?${day}&siteId=${demo.site}&groupBy=queue,technician` });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.targetWaitSeconds).toBe(600);
    expect(report.total).toMatchObject({ visits: 3, noShows: 1, cancelled: 1, resolvedAtDesk: 1, waitMean: 600, shareWithinTarget: 0.5, feedbackMean: 3 });
    expect(report.rows.map((row: { labels: object; figures: { visits: number } }) => [row.labels, row.figures.visits])).toEqual([
      [{ queue: 'Accounts & access', technician: 'nobody' }, 1],
      [{ queue: 'Hardware', technician: 'Alex Martin' }, 2],
    ]);
    // A tighter target changes the share, not the counts.
    const strict = (await t.as.manager.inject({ url: `/api/reports/figures?${day}&targetWaitMinutes=5` })).json();
    expect(strict.total.shareWithinTarget).toBe(0);
  });

  it('exports the figures as CSV, in French when asked', async () => {
    const response = await t.as.manager.inject({ url: `/api/reports/figures.csv?${day}&groupBy=weekday&lang=fr` });
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('walkup-figures-2026-11-23-2026-11-23.csv');
    const [header, row, end] = response.body.split('\r\n');
    expect(header!.split(',').slice(0, 4)).toEqual(['weekday', 'visits', 'served', 'waitMeanSeconds']);
    expect(row!.split(',').slice(0, 4)).toEqual(['lundi', '3', '1', '600']);
    expect(end).toBe('');
  });

  it('exports visits without personal data to managers, with names to admins until anonymised', async () => {
    const forManager = (await t.as.manager.inject({ url: `/api/reports/visits.csv?${day}` })).body.split('\r\n');
    expect(forManager[0]).not.toContain('visitorName');
    expect(forManager.slice(1, 4).map((line) => line.split(',').slice(0, 1)[0])).toEqual(['H-001', 'H-002', 'A-001']);
    expect(forManager.join('\n')).not.toContain('Marie');
    const forAdmin = await t.as.admin.inject({ url: `/api/reports/visits?${day}` });
    expect(forAdmin.json().rows.map((row: { visitorName: string | null; outcome: string }) => [row.visitorName, row.outcome])).toEqual([
      ['Marie Dupont', 'resolved'],
      ['Walter Late', 'no_show'],
      ['Cora Leaves', 'cancelled'],
    ]);
    await t.database.db.transaction().execute((trx) => anonymiseVisits(trx, [visits.first, visits.second, visits.third], '2026-12-30T00:00:00.000Z'));
    const afterwards = await t.as.admin.inject({ url: `/api/reports/visits.csv?${day}` });
    expect(afterwards.body).not.toMatch(/Marie|Walter|Cora|example\.com/);
    expect(afterwards.body.split('\r\n').filter(Boolean)).toHaveLength(4);
  });

  it.each([
    ['from=2026-11-24&to=2026-11-23', 'invalid_range', "'from' (2026-11-24) is after 'to'"],
    ['from=2026-02-30&to=2026-03-01', 'invalid_range', "'from' (2026-02-30) is not a calendar day"],
    ['from=2020-01-01&to=2026-01-01', 'invalid_range', 'at most'],
    [`${day}&groupBy=queue,colour`, 'invalid_grouping', "cannot group by 'colour'"],
    [`${day}&groupBy=queue,queue`, 'invalid_grouping', 'twice'],
    ['from=yesterday&to=2026-11-23', 'invalid_request', 'from'],
  ])('refuses %s with a 400 naming the problem', async (query, code, message) => {
    const response = await t.as.manager.inject({ url: `/api/reports/figures?${query}` });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ statusCode: 400, code });
    expect(response.json().message).toContain(message);
  });

  it('keeps managers to their sites and technicians out', async () => {
    expect((await t.as.manager.inject({ url: `/api/reports/figures?${day}&siteId=${branch.site}` })).json().code).toBe('other_site');
    expect((await t.as.admin.inject({ url: `/api/reports/figures?${day}&siteId=${branch.site}` })).json().total).toBeNull();
    expect((await t.as.admin.inject({ url: `/api/reports/figures?${day}&siteId=nowhere` })).statusCode).toBe(404);
    expect((await t.as.alex.inject({ url: `/api/reports/figures?${day}` })).statusCode).toBe(403);
    const all = (await t.as.manager.inject({ url: `/api/reports/figures?${day}` })).json();
    expect(all.siteIds).toEqual([demo.site]);
  });

  it('lets an admin create a manager for some sites, and refuses one without sites', async () => {
    const base = { username: 'nina', displayName: 'Nina Lead', password: 'a-long-password-1', role: 'manager', technicianId: null };
    const refused = await t.as.admin.inject({ method: 'POST', url: '/api/admin/users', payload: base });
    expect(refused.json()).toMatchObject({ statusCode: 400, code: 'sites_required' });
    const created = await t.as.admin.inject({ method: 'POST', url: '/api/admin/users', payload: { ...base, siteIds: [branch.site] } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ role: 'manager', siteIds: [branch.site] });
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nina', password: base.password } });
    expect(login.statusCode).toBe(200);
    const cookie = login.headers['set-cookie'];
    const session = await t.app.inject({ url: '/api/auth/session', headers: { cookie: String(Array.isArray(cookie) ? cookie[0] : cookie).split(';')[0]! } });
    expect(session.json()).toMatchObject({ role: 'manager', siteIds: [branch.site] });
  });
});
