import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installSecurity } from '../../src/auth/install-security.ts';
import { installErrorHandler } from '../../src/error-handler.ts';
import { createTestDatabase } from '../helpers/test-database.ts';
import { checkIn, createTestApp, demo, type TestApp } from '../helpers/test-app.ts';
import { createCaller, type Caller } from '../helpers/auth.ts';
import { connectLive } from '../helpers/live-client.ts';
import { storeVisitorIdentity } from '../../src/visitor-sso/visitor-sso-identities.ts';
import { accessTable } from './access-table.ts';

let t: TestApp;
let visitId: string;
beforeAll(async () => {
  t = await createTestApp({ security: { rateLimit: false } });
  visitId = (await checkIn(t.app, demo.hardwareChoice)).json().id;
});
afterAll(async () => t.close());

const matrixRoles = ['anonymous', 'kiosk', 'display', 'technician', 'manager', 'site_admin', 'admin'] as const;
const callerOf = (role: (typeof matrixRoles)[number]): Caller => (role === 'technician' ? t.as.alex : role === 'site_admin' ? t.as.siteAdmin : t.as[role]);

/** API routes and /ws; the static front ends and /docs are open by design and carry no data. */
function apiRoutes() {
  return t.app.declaredRoutes.filter((r) => r.method !== 'HEAD' && (r.url.startsWith('/api') || r.url === '/ws' || r.url === '/health'));
}

/** Real ids of the caller's own site, so that only the role can be the reason for a refusal. */
function concreteUrl(url: string): string {
  return url
    .replace(':siteId', demo.site)
    .replace(':visitId', visitId)
    .replace(':deskId', demo.desk1)
    .replace(':technicianId', demo.alex)
    .replace(':userId', '00000000-0000-4000-8000-000000000000')
    .replace(':appointmentId', '00000000-0000-4000-8000-000000000000')
    .replace(':deviceId', '00000000-0000-4000-8000-000000000000');
}

describe('authorization matrix', () => {
  it('has an entry in the declared table for every route, and the route declares the same roles', () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      expect(accessTable[key], `${key} is missing from access-table.ts`).toBeDefined();
      expect([...(route.roles ?? [])].sort(), `${key} declares other roles than the table`).toEqual([...accessTable[key]!].sort());
    }
    const registered = new Set(routes.map((r) => `${r.method} ${r.url}`));
    for (const key of Object.keys(accessTable)) expect(registered.has(key), `${key} is in the table but not registered`).toBe(true);
  });

  const websockets = new Set(['GET /ws', 'GET /api/visitor/live']);
  const httpEntries = Object.entries(accessTable).filter(([key]) => !websockets.has(key) && key !== 'POST /api/auth/logout');
  for (const role of matrixRoles) {
    it(`calls every route as ${role}: allowed exactly where the table says`, async () => {
      const outcomes: string[] = [];
      for (const [key, allowed] of httpEntries) {
        const [method, url] = key.split(' ') as [string, string];
        const response = await callerOf(role).inject({ method: method as 'GET', url: concreteUrl(url), ...(method === 'GET' ? {} : { payload: {} }) });
        const code = response.statusCode === 401 || response.statusCode === 403 ? response.json().code : null;
        const refusedByRole = response.statusCode === 401 ? code !== 'bad_credentials' && code !== 'bad_pairing_code' : code === 'role_not_allowed';
        const expected = allowed.includes(role);
        if (refusedByRole === expected) outcomes.push(`${key} as ${role}: ${response.statusCode} ${response.body.slice(0, 120)}`);
        if (!expected) expect(response.statusCode, key).toBe(role === 'anonymous' ? 401 : 403);
      }
      expect(outcomes).toEqual([]);
    });
  }

  it('treats a visitor signed in by single sign-on as nobody on every route that needs a role', async () => {
    // Sent to every route (a browser would send it to /api/visitor-sso only): it must open none.
    const { token } = await storeVisitorIdentity(t.database.db, { siteId: demo.site, purpose: 'check-in', subject: 'idp#boss', name: 'Boss', email: 'boss@example.com', employeeId: null }, t.clock.now());
    const opened: string[] = [];
    for (const [key, allowed] of httpEntries) {
      if (allowed.includes('anonymous')) continue;
      const [method, url] = key.split(' ') as [string, string];
      const response = await t.app.inject({ method: method as 'GET', url: concreteUrl(url), headers: { cookie: `walkup_visitor_sso=${token}` }, ...(method === 'GET' ? {} : { payload: {} }) });
      if (response.statusCode !== 401) opened.push(`${key}: ${response.statusCode}`);
    }
    expect(opened).toEqual([]);
  });

  it('signs out only staff, and only with the CSRF token', async () => {
    expect((await t.as.kiosk.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(403);
    expect((await t.as.anonymous.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(401);
    const { 'x-csrf-token': _csrf, ...withoutCsrf } = t.as.sam.headers;
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: withoutCsrf })).json().code).toBe('csrf');
    expect((await t.as.sam.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await t.as.sam.inject({ url: '/api/auth/session' })).statusCode).toBe(401);
  });

  it('opens the websocket for every role and refuses it to nobody', async () => {
    for (const role of ['kiosk', 'display', 'technician', 'manager', 'site_admin', 'admin'] as const) {
      const live = await connectLive(t.app, callerOf(role));
      live.send({ type: 'ping', at: 1 });
      expect(await live.waitFor((m) => m.type === 'pong')).toMatchObject({ at: 1 });
      live.close();
    }
    await expect(t.app.injectWS('/ws')).rejects.toThrow('401');
    await expect(t.app.injectWS('/ws?token=not-a-token')).rejects.toThrow('401');
  });

  it('refuses an API route that declares no roles, even to an admin', async () => {
    const database = await createTestDatabase();
    const app = Fastify();
    installErrorHandler(app);
    await installSecurity(app, { db: database.db, now: () => new Date(), cookieSecret: 'x'.repeat(32), rateLimit: false, https: false });
    app.get('/api/forgotten', async () => ({ secret: true }));
    app.get('/kiosk/app.js', async () => 'static');
    await app.ready();
    try {
      const admin = await createCaller(app, database.db, 'admin');
      const response = await admin.inject({ url: '/api/forgotten' });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('no_roles_declared');
      expect(response.body).not.toContain('secret');
      expect((await app.inject({ url: '/kiosk/app.js' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await database.close();
    }
  });
});
