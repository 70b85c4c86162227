import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { createServiceNowMock, type ServiceNowMock } from '../../../../tests/msw/servicenow.ts';
import { loadConfig } from '../../src/config.ts';
import { createSiteItsmAdapters, type SiteItsmAdapters } from '../../src/itsm/index.ts';
import { withItsmTables } from '../../src/itsm/itsm-schema.ts';
import { addSecondSite, branch } from '../helpers/second-site.ts';
import type { Caller } from '../helpers/auth.ts';
import { checkIn, createTestApp, demo, type TestApp } from '../helpers/test-app.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/**
 * Two sites, two ServiceNow instances: `hq` keeps the `default` connection of the single-connection
 * WALKUP_SERVICENOW_* keys, `branch` names `lyon` from WALKUP_ITSM_CONNECTIONS_FILE, whose password
 * is a reference to an environment variable. The config goes through the real config layer.
 */
let t: TestApp;
let branchKiosk: Caller;
let hqItsm: ServiceNowMock;
let lyonItsm: ServiceNowMock;
let dir: string;
let itsm: SiteItsmAdapters | undefined;

beforeEach(async () => {
  hqItsm = createServiceNowMock();
  lyonItsm = createServiceNowMock({ instanceUrl: 'https://lyon.service-now.com', username: 'walkup.lyon', password: 'lyon-only-password' });
  server.use(...hqItsm.handlers, ...lyonItsm.handlers);
  dir = mkdtempSync(path.join(tmpdir(), 'walkup-site-connections-'));
  itsm = undefined;
  // The app asks for adapters lazily; they are built once the second site exists, as main.ts does after seeding.
  t = await createTestApp({ itsmAdapterFor: (siteId) => itsm!.adapterFor(siteId) });
  ({ kiosk: branchKiosk } = await addSecondSite(t.app, t.database.db));
});
afterEach(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

function configFromEnv() {
  const file = path.join(dir, 'itsm-connections.json');
  const lyon = { vendor: 'servicenow', instanceUrl: lyonItsm.base, auth: { kind: 'basic', username: 'walkup.lyon', password: { env: 'LYON_SN_PASSWORD' } } };
  writeFileSync(file, JSON.stringify({ connections: { lyon } }));
  return loadConfig({
    WALKUP_ITSM_VENDOR: 'servicenow',
    WALKUP_SERVICENOW_URL: hqItsm.base,
    WALKUP_SERVICENOW_USER: hqItsm.creds.username,
    WALKUP_SERVICENOW_PASSWORD: hqItsm.creds.password,
    WALKUP_ITSM_CONNECTIONS_FILE: file,
    LYON_SN_PASSWORD: 'lyon-only-password',
  });
}

async function useConnections(bySite: Record<string, string | null>) {
  for (const [site, connection] of Object.entries(bySite)) {
    await withItsmTables(t.database.db).updateTable('sites').set({ itsm_connection: connection }).where('id', '=', site).execute();
  }
  itsm = await createSiteItsmAdapters(t.database.db, configFromEnv().itsmConnections);
}

async function checkInAtBranch(): Promise<string> {
  const response = await branchKiosk.inject({ method: 'POST', url: `/api/sites/${branch.site}/visits`, payload: { categoryId: branch.choice, visitor: { kind: 'guest', name: 'Bo Visitor' } } });
  expect(response.statusCode).toBe(201);
  return response.json().id;
}

async function visitTicket(visitId: string) {
  return t.database.db.selectFrom('visits').select(['itsm_state', 'itsm_remote_id']).where('id', '=', visitId).executeTakeFirstOrThrow();
}

it("sends each visit's ticket to its own site's ITSM, and the health view shows both connections", async () => {
  await useConnections({ [demo.site]: null, [branch.site]: 'lyon' });
  const hqVisit = (await checkIn(t.app, demo.hardwareChoice, { kind: 'email', email: 'abel.tuter@example.com' })).json().id as string;
  const branchVisit = await checkInAtBranch();
  await t.app.walkup.itsm.drain();

  expect(hqItsm.byCorrelation(hqVisit)).toHaveLength(1);
  expect(lyonItsm.byCorrelation(hqVisit)).toHaveLength(0);
  expect(lyonItsm.byCorrelation(branchVisit)).toHaveLength(1);
  expect(hqItsm.byCorrelation(branchVisit)).toHaveLength(0);
  expect(lyonItsm.byCorrelation(branchVisit)[0]!.fields.description).toContain('Branch office');
  expect(await visitTicket(hqVisit)).toEqual({ itsm_state: 'synced', itsm_remote_id: hqItsm.byCorrelation(hqVisit)[0]!.sys_id });
  expect(await visitTicket(branchVisit)).toEqual({ itsm_state: 'synced', itsm_remote_id: lyonItsm.byCorrelation(branchVisit)[0]!.sys_id });

  const health = await t.as.admin.inject({ method: 'GET', url: '/api/itsm/health' });
  expect(health.statusCode).toBe(200);
  expect(health.json().connections).toEqual([
    expect.objectContaining({ name: 'lyon', vendor: 'servicenow', sites: [branch.site], breaker: 'closed', lastSuccessAt: expect.any(String), backlog: 0 }),
    expect.objectContaining({ name: 'servicenow', vendor: 'servicenow', sites: [demo.site], breaker: 'closed', lastSuccessAt: expect.any(String), backlog: 0 }),
  ]);
});

it('keeps one connection for the sites that share it: one adapter, one health entry', async () => {
  await useConnections({ [demo.site]: 'lyon', [branch.site]: 'lyon' });
  expect(itsm!.adapterFor(demo.site)).toBe(itsm!.adapterFor(branch.site));
  const hqVisit = (await checkIn(t.app, demo.hardwareChoice)).json().id as string;
  await t.app.walkup.itsm.drain();
  expect(lyonItsm.byCorrelation(hqVisit)).toHaveLength(1);
  const health = await t.as.admin.inject({ method: 'GET', url: '/api/itsm/health' });
  expect(health.json().connections).toEqual([expect.objectContaining({ name: 'lyon', sites: [branch.site, demo.site] })]);
});

it('creates no ticket for a site whose connection is `none`', async () => {
  await useConnections({ [branch.site]: 'none' });
  const branchVisit = await checkInAtBranch();
  const hqVisit = (await checkIn(t.app, demo.hardwareChoice)).json().id as string;
  await t.app.walkup.itsm.drain();

  expect(hqItsm.byCorrelation(hqVisit)).toHaveLength(1);
  expect(hqItsm.byCorrelation(branchVisit)).toHaveLength(0);
  expect(lyonItsm.byCorrelation(branchVisit)).toHaveLength(0);
  expect(await visitTicket(branchVisit)).toMatchObject({ itsm_remote_id: null });
  const health = await t.as.admin.inject({ method: 'GET', url: '/api/itsm/health' });
  expect(health.json().connections).toEqual([expect.objectContaining({ name: 'servicenow', sites: [demo.site] })]);
});

it('refuses to start when a site names a connection that is not configured', async () => {
  await expect(useConnections({ [branch.site]: 'paris' })).rejects.toThrow(
    "site 'branch' uses ITSM connection 'paris', which is not configured (configured: default, lyon, none; see WALKUP_ITSM_CONNECTIONS_FILE)",
  );
});
