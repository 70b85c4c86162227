import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, demo, type TestApp } from '../helpers/test-app.ts';
import { callerWithHeaders, testAccounts } from '../helpers/auth.ts';
import { connectLive } from '../helpers/live-client.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ security: { trustProxy: true } });
});
afterEach(async () => t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

function sessionCookie(setCookie: string | string[] | undefined): string {
  const value = [setCookie ?? []].flat().find((c) => c.startsWith('walkup_session='));
  if (!value) throw new Error('no session cookie');
  return value;
}

async function auditActions() {
  return (await t.as.admin.inject({ url: '/api/admin/audit' })).json().map((e: { action: string; outcome: string; actor: string }) => `${e.action}:${e.outcome}:${e.actor}`);
}

describe('local sign-in', () => {
  it('sets an HttpOnly SameSite=Strict session cookie and returns the CSRF token', async () => {
    const response = await login(testAccounts.alex.username, testAccounts.alex.password);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ kind: 'user', username: 'alex', role: 'technician', technicianId: demo.alex, siteIds: [demo.site] });
    const cookie = sessionCookie(response.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    const headers = { cookie: cookie.split(';')[0]!, 'x-csrf-token': response.json().csrfToken };
    const presence = await t.app.inject({ method: 'PUT', url: `/api/technicians/${demo.alex}/presence`, headers, payload: { siteId: demo.site, deskId: demo.desk1, status: 'available' } });
    expect(presence.statusCode).toBe(200);
    const noCsrf = await t.app.inject({ method: 'PUT', url: `/api/technicians/${demo.alex}/presence`, headers: { cookie: headers.cookie }, payload: { siteId: demo.site, deskId: null, status: 'off' } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('csrf');
  });

  it('marks the cookie Secure behind an https proxy', async () => {
    const response = await login(testAccounts.alex.username, testAccounts.alex.password, { 'x-forwarded-proto': 'https' });
    expect(sessionCookie(response.headers['set-cookie'])).toMatch(/Secure/);
  });

  it('says the same for an unknown user and a wrong password, and audits both', async () => {
    const unknown = await login('nobody', 'whatever-password');
    const wrong = await login(testAccounts.alex.username, 'wrong-password');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().message).toBe(wrong.json().message);
    expect(await auditActions()).toEqual(expect.arrayContaining(['sign_in.password:failed:user:nobody', 'sign_in.password:failed:user:alex']));
  });

  it('locks the account after five wrong passwords, until an admin unlocks it', async () => {
    for (let i = 0; i < 5; i++) expect((await login('sam', `wrong-${i}`)).statusCode).toBe(401);
    const locked = await login(testAccounts.sam.username, testAccounts.sam.password);
    expect(locked.statusCode).toBe(401);
    // The same answer as for a username that does not exist: a lock must not confirm the account.
    const unknown = await login('nobody-at-all', 'whatever-password');
    expect(locked.json()).toEqual(unknown.json());
    expect(locked.json().code).toBe('bad_credentials');
    const audit = (await t.as.admin.inject({ url: '/api/admin/audit' })).json() as Array<{ action: string; outcome: string; actor: string; detail: { reason?: string } | null }>;
    expect(audit.find((e) => e.actor === 'user:sam' && e.outcome === 'denied')?.detail?.reason).toBe('locked');
    const users = (await t.as.admin.inject({ url: '/api/admin/users' })).json();
    const sam = users.find((u: { username: string }) => u.username === 'sam');
    expect(sam.lockedUntil).not.toBeNull();
    expect((await t.as.admin.inject({ method: 'PATCH', url: `/api/admin/users/${sam.id}`, payload: { unlock: true } })).statusCode).toBe(200);
    expect((await login(testAccounts.sam.username, testAccounts.sam.password)).statusCode).toBe(200);
  });

  it('unlocks by itself after fifteen minutes', async () => {
    for (let i = 0; i < 5; i++) await login('sam', `wrong-${i}`);
    t.clock.advance(14 * 60);
    expect((await login(testAccounts.sam.username, testAccounts.sam.password)).statusCode).toBe(401);
    t.clock.advance(2 * 60);
    expect((await login(testAccounts.sam.username, testAccounts.sam.password)).statusCode).toBe(200);
  });

  it('signs out: the cookie stops working and the session websocket closes', async () => {
    const response = await login(testAccounts.alex.username, testAccounts.alex.password);
    const headers = { cookie: sessionCookie(response.headers['set-cookie']).split(';')[0]!, 'x-csrf-token': response.json().csrfToken };
    const live = await connectLive(t.app, callerWithHeaders(t.app, 'alex', headers));
    live.send({ type: 'ping', at: 1 });
    await live.waitFor((m) => m.type === 'pong');
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers })).statusCode).toBe(204);
    await expect.poll(() => live.closed()?.code).toBe(4401);
    expect((await t.app.inject({ url: '/api/auth/session', headers })).statusCode).toBe(401);
    expect(await auditActions()).toContain('sign_out:ok:user:alex');
  });

  it('closes a console websocket when its session expires, even if nobody signs out', async () => {
    const response = await login(testAccounts.alex.username, testAccounts.alex.password);
    const headers = { cookie: sessionCookie(response.headers['set-cookie']).split(';')[0]!, 'x-csrf-token': response.json().csrfToken };
    // Connect 300 ms before the 12-hour session ends.
    t.clock.advance(12 * 3600 - 0.3);
    const live = await connectLive(t.app, callerWithHeaders(t.app, 'alex', headers));
    live.send({ type: 'ping', at: 1 });
    await live.waitFor((m) => m.type === 'pong');
    await expect.poll(() => live.closed(), { timeout: 3000 }).toEqual({ code: 4401, reason: 'session expired' });
  });

  it('ends sessions when an admin disables the account', async () => {
    const users = (await t.as.admin.inject({ url: '/api/admin/users' })).json();
    const alex = users.find((u: { username: string }) => u.username === 'alex');
    expect((await t.as.alex.inject({ url: '/api/auth/session' })).statusCode).toBe(200);
    await t.as.admin.inject({ method: 'PATCH', url: `/api/admin/users/${alex.id}`, payload: { disabled: true } });
    expect((await t.as.alex.inject({ url: '/api/auth/session' })).statusCode).toBe(401);
    expect((await login(testAccounts.alex.username, testAccounts.alex.password)).statusCode).toBe(401);
  });

  it('expires a session after twelve hours', async () => {
    const response = await login(testAccounts.alex.username, testAccounts.alex.password);
    const headers = { cookie: sessionCookie(response.headers['set-cookie']).split(';')[0]! };
    t.clock.advance(11 * 3600);
    expect((await t.app.inject({ url: '/api/auth/session', headers })).statusCode).toBe(200);
    t.clock.advance(2 * 3600);
    expect((await t.app.inject({ url: '/api/auth/session', headers })).json().code).toBe('invalid_credential');
  });

  it('lets an admin create an account with a strong password only', async () => {
    const weak = await t.as.admin.inject({ method: 'POST', url: '/api/admin/users', payload: { username: 'kim', displayName: 'Kim', password: 'short', role: 'technician', technicianId: demo.sam } });
    expect(weak.statusCode).toBe(400);
    const created = await t.as.admin.inject({ method: 'POST', url: '/api/admin/users', payload: { username: 'kim', displayName: 'Kim', password: 'a-long-enough-pass', role: 'technician', technicianId: demo.sam } });
    expect(created.statusCode).toBe(201);
    expect(created.body).not.toContain('a-long-enough-pass');
    expect((await login('kim', 'a-long-enough-pass')).json()).toMatchObject({ technicianId: demo.sam });
    expect(await auditActions()).toContain('user.created:ok:user:admin');
  });
});
