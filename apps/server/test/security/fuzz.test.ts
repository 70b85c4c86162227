import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIn, createTestApp, demo, seatTechnician, type TestApp } from '../helpers/test-app.ts';
import type { Caller } from '../helpers/auth.ts';
import { connectLive } from '../helpers/live-client.ts';
import { digestTables, listTables } from '../helpers/database-digest.ts';
import { hostileBody, hostileQuery, hostileString, hostileValue } from './hostile-input.ts';

let t: TestApp;
let visitId: string;
beforeAll(async () => {
  t = await createTestApp({ security: { rateLimit: false } });
  await seatTechnician(t.app, demo.alex, demo.desk1);
  visitId = (await checkIn(t.app, demo.hardwareChoice, { kind: 'badge', badgeId: '0004411001' })).json().id;
  // A device's first call records when it was last seen (even a refused call: it was seen); the clock
  // stands still below, so after this one no fuzzed call writes it again.
  await t.as.display.inject({ url: '/api/sites' });
});
afterAll(async () => t.close());

/**
 * Every table's content, hashed. The audit log is left out on purpose: refused sign-in and pairing
 * attempts are recorded there by design.
 */
async function databaseDigest(): Promise<string> {
  return digestTables(t.database.db, (await listTables(t.database.db)).filter((name) => name !== 'auth_audit_log'));
}

/**
 * On PostgreSQL the instance holding the estimator writes each site's figures to published_estimates
 * a moment after the events that changed them (on SQLite they stay in memory). That write belongs to
 * the earlier, accepted request: the digest is taken once the published figures have caught up with
 * every site's log, so it is not counted against the next request.
 */
async function publishedEstimatesCaughtUp(): Promise<void> {
  if (t.database.engine !== 'postgres') return;
  const behind = async () =>
    (await sql<{ behind: number }>`select count(*)::int as behind from sites left join published_estimates p on p.site_id = sites.id where sites.event_seq > 0 and (p.seq is null or p.seq < sites.event_seq)`.execute(t.database.db)).rows[0]!.behind;
  await expect.poll(behind, { interval: 5, timeout: 10_000 }).toBe(0);
}

/** Sign-out would end the fuzzing session; it has its own tests. */
const fuzzedRoutes = () =>
  t.app.declaredRoutes.filter((r) => r.method !== 'HEAD' && r.url.startsWith('/api') && r.url !== '/api/auth/logout');

function fillParams(url: string, value: string, keepReal: boolean): string {
  const real: Record<string, string> = { siteId: demo.site, visitId, deskId: demo.desk1, technicianId: demo.alex };
  // A lone surrogate cannot be percent-encoded as UTF-8; send an invalid UTF-8 sequence instead.
  const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  const encode = (v: string) => (loneSurrogate.test(v) ? '%ED%A0%80' : encodeURIComponent(v));
  return url.replace(/:(\w+)/g, (_m, name: string) => encode(keepReal && real[name] ? real[name]! : value));
}

describe('hostile input', () => {
  it('answers thousands of malformed requests to every route without a 5xx, and a refused request changes nothing', async () => {
    const routes = fuzzedRoutes();
    const callers: Caller[] = [t.as.admin, t.as.alex, t.as.kiosk, t.as.display, t.as.anonymous];
    await publishedEstimatesCaughtUp();
    let before = await databaseDigest();
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: routes.length - 1 }),
        fc.nat({ max: callers.length - 1 }),
        hostileString,
        fc.boolean(),
        hostileQuery,
        hostileBody,
        fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded'),
        async (routeIndex, callerIndex, param, keepRealIds, query, body, contentType) => {
          const route = routes[routeIndex]!;
          const url = fillParams(route.url, param || 'x', keepRealIds);
          const response = await callers[callerIndex]!.inject({
            method: route.method as 'GET',
            url,
            query,
            ...(route.method === 'GET' ? {} : { payload: body, headers: { 'content-type': contentType } }),
          });
          expect(response.statusCode, `${route.method} ${url} -> ${response.body.slice(0, 200)}`).toBeLessThan(500);
          expect(response.body).not.toMatch(/SQLITE_|at .*\.ts:\d+|node_modules/);
          await publishedEstimatesCaughtUp();
          const after = await databaseDigest();
          if (response.statusCode >= 400) {
            refused++;
            expect(after, `${route.method} ${url} was refused with ${response.statusCode} but changed the database`).toBe(before);
          }
          before = after;
        },
      ),
      { numRuns: 2000, seed: 20261121 },
    );
    expect(refused).toBeGreaterThan(1500);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The app still works after all that.
    expect((await t.as.alex.inject({ url: `/api/visits/${visitId}` })).json().visitor.name).toBe('Marie Dupont');
  }, 120_000);

  it('refuses hostile feedback tokens and kiosk lookups without a 5xx, and a refusal changes nothing', async () => {
    let before = await databaseDigest();
    await fc.assert(
      fc.asyncProperty(hostileString, hostileBody, fc.constantFrom('GET', 'POST'), async (token, body, method) => {
        // Headers carry only what HTTP allows: anything else is the client library's refusal, not the server's.
        const header = token.replace(/[^\x20-\x7e]/g, '') || 'x';
        const feedback = await t.app.inject({ method, url: '/api/feedback', headers: { 'x-feedback-token': header }, ...(method === 'POST' ? { payload: body } : {}) });
        expect(feedback.statusCode, feedback.body.slice(0, 200)).toBeGreaterThanOrEqual(400);
        expect(feedback.statusCode).toBeLessThan(500);
        const lookup = await t.as.kiosk.inject({ method: 'POST', url: `/api/sites/${demo.site}/feedback-lookup`, payload: { identifier: token } });
        expect(lookup.statusCode, lookup.body.slice(0, 200)).toBeLessThan(500);
        if (lookup.statusCode >= 400) expect(await databaseDigest()).toBe(before);
        before = await databaseDigest();
      }),
      { numRuns: 200, seed: 20261201 },
    );
  }, 120_000);

  it('answers thousands of malformed websocket messages with errors and keeps serving', async () => {
    const messages = fc.sample(
      fc.oneof(
        hostileValue.map((v) => JSON.stringify(v) ?? 'null'),
        fc.record({ type: fc.constantFrom('subscribe', 'ping', 'hello', '__proto__'), siteId: hostileString, view: hostileString, sinceSeq: hostileValue }).map((m) => JSON.stringify(m)),
        hostileString,
      ),
      { numRuns: 1500, seed: 7 },
    ).filter((m) => String(m).length < 4000);
    // A socket may send only a short burst before it is closed for flooding (live-abuse.test.ts), so
    // the messages are spread over sockets, a few each, as many hostile clients would send them.
    const perSocket = 5;
    for (let start = 0; start < messages.length; start += perSocket) {
      const live = await connectLive(t.app, t.as.display);
      for (const message of messages.slice(start, start + perSocket)) live.send(message as never);
      live.send({ type: 'ping', at: start });
      await live.waitFor((m) => m.type === 'pong' && m.at === start, 10_000);
      expect(live.closed()).toBeNull();
      expect(live.received.filter((m) => m.type === 'snapshot' || m.type === 'event')).toEqual([]);
      live.close();
    }
    const live = await connectLive(t.app, t.as.display);
    live.send({ type: 'subscribe', siteId: demo.site, view: 'display' });
    await live.waitFor((m) => m.type === 'snapshot');
    live.close();
  }, 60_000);

  it('closes a websocket that sends an oversized message, and the server keeps serving others', async () => {
    const flood = await connectLive(t.app, t.as.kiosk);
    flood.send('x'.repeat(20_000) as never);
    await expect.poll(() => flood.closed()?.code).toBe(1009);
    const other = await connectLive(t.app, t.as.display);
    other.send({ type: 'ping', at: 1 });
    await other.waitFor((m) => m.type === 'pong');
    other.close();
  });
});
