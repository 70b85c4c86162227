import { afterEach, beforeEach, expect, it } from 'vitest';
import type { SiteView } from '@walkup/domain';
import { createGroupCommitter } from '../src/db/group-commit.ts';
import { createSiteSetupCache } from '../src/queries/site-setup-cache.ts';
import { readSiteView } from '../src/queries/site-view-rows.ts';
import { setTechnicianPresence } from '../src/use-cases/set-presence.ts';
import type { UseCaseDeps } from '../src/use-cases/deps.ts';
import { addSecondSite, branch } from './helpers/second-site.ts';
import { checkIn, createTestApp, demo, seatTechnician, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

/** ITSM progress of a visit reaches the view by its own events; the rest must match the rows exactly. */
const withoutItsm = (view: SiteView) => ({ ...view, visits: view.visits.map(({ itsm: _itsm, ...visit }) => visit) });

it('keeps the site view the log builds equal to a fresh read of the database', async () => {
  await t.app.walkup.views.view(demo.site);
  await seatTechnician(t.app, demo.alex, demo.desk1);
  await checkIn(t.app, demo.hardwareChoice, { kind: 'badge', badgeId: '0004411001' });
  t.clock.advance(1);
  const second = (await checkIn(t.app, demo.softwareChoice)).json();
  const urgent = (await checkIn(t.app, demo.passwordChoice, { kind: 'guest', name: 'Urgent Guest' })).json();
  expect(urgent.position).toBe(1);

  const called = (await t.as.alex.inject({ method: 'POST', url: `/api/desks/${demo.desk1}/call-next`, payload: { technicianId: demo.alex } })).json();
  const steps = [
    { method: 'POST', url: `/api/visits/${called.id}/start`, payload: { technicianId: demo.alex } },
    { method: 'POST', url: `/api/visits/${second.id}/transfer`, payload: { technicianId: demo.alex, queueId: 'hq-hardware', reason: 'needs a new disk' } },
    { method: 'POST', url: `/api/visits/${called.id}/resolve`, payload: { technicianId: demo.alex, note: 'done' } },
    { method: 'PUT', url: `/api/technicians/${demo.alex}/presence`, payload: { siteId: demo.site, deskId: demo.desk1, status: 'break' } },
  ] as const;
  for (const step of steps) expect((await t.as.alex.inject(step)).statusCode, step.url).toBe(200);

  const live = await t.app.walkup.views.view(demo.site);
  const fresh = await readSiteView(t.database.db, demo.site);
  expect(live.seq).toBeGreaterThan(5);
  expect(withoutItsm(live)).toEqual(withoutItsm(fresh));
});

it('answers each check-in with its place in the call order', async () => {
  const first = (await checkIn(t.app, demo.hardwareChoice)).json();
  t.clock.advance(1);
  const second = (await checkIn(t.app, demo.hardwareChoice)).json();
  expect([first.position, second.position]).toEqual([1, 2]);
});

it('frees the desk at the old site when a technician sits down at another site', async () => {
  await addSecondSite(t.app, t.database.db);
  await seatTechnician(t.app, demo.alex, demo.desk1);
  expect((await t.app.walkup.views.view(demo.site)).desks.find((d) => d.id === demo.desk1)?.technicianId).toBe(demo.alex);

  const { walkup } = t.app;
  const deps: UseCaseDeps = {
    db: t.database.db,
    bus: walkup.bus,
    now: t.clock.now,
    estimates: walkup.estimates,
    views: walkup.views,
    setups: createSiteSetupCache(),
    commits: createGroupCommitter(t.database.db),
  };
  await setTechnicianPresence(deps, { technicianId: demo.alex, siteId: branch.site, deskId: branch.desk, status: 'available' });

  const old = await walkup.views.view(demo.site);
  expect(old.desks.find((d) => d.id === demo.desk1)).toMatchObject({ technicianId: null, status: 'off' });
  expect(withoutItsm(old)).toEqual(withoutItsm(await readSiteView(t.database.db, demo.site)));
  expect((await walkup.views.view(branch.site)).desks[0]).toMatchObject({ technicianId: demo.alex, status: 'available' });
});
