import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { identityFromClaims, roleFromGroups } from '../../src/auth/oidc-client.ts';
import { createTestApp, demo, type TestApp } from '../helpers/test-app.ts';
import { createOidcProvider, oidcSettingsOf } from './oidc-provider.ts';

const provider = createOidcProvider();
const server = setupServer(...provider.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

let t: TestApp;
beforeEach(async () => {
  // The mock provider signs with the real clock; the app's clock only matters for sessions here.
  t = await createTestApp({
    security: { oidc: oidcSettingsOf(provider) },
  });
  t.clock.set(new Date().toISOString());
});
afterEach(async () => {
  server.resetHandlers(...provider.handlers);
  await t.close();
});

/** Browser round trip: start -> provider -> callback, carrying the transaction cookie. */
async function signInThroughProvider(tamper?: (query: URLSearchParams) => void) {
  const start = await t.as.anonymous.inject({ url: '/api/auth/oidc/start' });
  expect(start.statusCode).toBe(302);
  const location = String(start.headers.location);
  expect(location).toContain(`${provider.issuer}/protocol/openid-connect/auth?`);
  expect(new URL(location).searchParams.get('code_challenge_method')).toBe('S256');
  const transactionCookie = [start.headers['set-cookie']].flat().find((c) => c?.startsWith('walkup_oidc='))!;
  expect(transactionCookie).toMatch(/HttpOnly/);
  expect(transactionCookie).toMatch(/SameSite=Lax/);
  const { code, state } = provider.authorize(location);
  const query = new URLSearchParams({ code, state, session_state: 'abc', iss: provider.issuer });
  tamper?.(query);
  const callback = await t.app.inject({ url: `/api/auth/oidc/callback?${query}`, headers: { cookie: transactionCookie.split(';')[0]! } });
  expect(callback.statusCode).toBe(302);
  const session = [callback.headers['set-cookie']].flat().find((c) => c?.startsWith('walkup_session=') && !c.startsWith('walkup_session=;'));
  return { location: String(callback.headers.location), sessionCookie: session?.split(';')[0] };
}

describe('single sign-on (OpenID Connect, mock provider)', () => {
  it('advertises the provider on the sign-in screen', async () => {
    expect((await t.as.anonymous.inject({ url: '/api/auth/providers' })).json()).toEqual({ password: true, oidc: { label: 'Sign in with Keycloak', startUrl: '/api/auth/oidc/start' } });
  });

  it('signs a technician in, linked to the technician with the same e-mail', async () => {
    const result = await signInThroughProvider();
    expect(result.location).toBe('/console/');
    const me = await t.app.inject({ url: '/api/auth/session', headers: { cookie: result.sessionCookie! } });
    expect(me.json()).toMatchObject({ kind: 'user', role: 'technician', technicianId: demo.alex, username: 'amartin', siteIds: [demo.site] });
    expect(provider.tokenRequests.at(-1)?.get('code_verifier')).toBeTruthy();
  });

  it('maps the admin group to the admin role, and follows group changes at the next sign-in', async () => {
    provider.signInAs({ sub: 'user-2', email: 'boss@example.com', name: 'Boss', groups: ['walkup-admins'] });
    const admin = await signInThroughProvider();
    expect((await t.app.inject({ url: '/api/auth/session', headers: { cookie: admin.sessionCookie! } })).json()).toMatchObject({ role: 'admin', siteIds: 'all' });
    provider.signInAs({ sub: 'user-2', email: 'boss@example.com', name: 'Boss', groups: ['other'] });
    const again = await signInThroughProvider();
    expect(again.location).toBe('/console/?sso_error=no_walkup_role');
    expect(again.sessionCookie).toBeUndefined();
  });

  it('refuses a technician-group member who is no technician, a forged state and a replayed callback', async () => {
    provider.signInAs({ sub: 'user-3', email: 'stranger@example.com', groups: ['walkup-technicians'] });
    expect((await signInThroughProvider()).location).toBe('/console/?sso_error=no_technician');
    const forged = await signInThroughProvider((q) => q.set('state', 'forged'));
    expect(forged.location).toBe('/console/?sso_error=rejected');
    expect(forged.sessionCookie).toBeUndefined();
    const noCookie = await t.app.inject({ url: '/api/auth/oidc/callback?code=x&state=y' });
    expect(noCookie.headers.location).toBe('/console/?sso_error=expired');
    const audit = (await t.as.admin.inject({ url: '/api/admin/audit' })).json().map((e: { action: string; outcome: string }) => `${e.action}:${e.outcome}`);
    expect(audit).toEqual(expect.arrayContaining(['sign_in.oidc:denied', 'sign_in.oidc:failed']));
  });
});

describe('group mapping', () => {
  const settings = { issuer: 'https://idp', groupsClaim: 'roles', adminGroup: 'a', technicianGroup: null };
  it('reads groups from the configured claim, as a list or a single value', () => {
    expect(identityFromClaims({ sub: 's', roles: ['a', 'b'], email: 'X@Y.com' }, settings)).toMatchObject({ subject: 'https://idp#s', groups: ['a', 'b'], email: 'x@y.com', username: 'x@y.com' });
    expect(identityFromClaims({ sub: 's', roles: 'a' }, settings).groups).toEqual(['a']);
    expect(() => identityFromClaims({ roles: ['a'] }, settings)).toThrow('subject');
  });
  it('gives admin to the admin group, technician to anyone else unless a technician group is set', () => {
    expect(roleFromGroups(['a'], settings)).toBe('admin');
    expect(roleFromGroups([], settings)).toBe('technician');
    expect(roleFromGroups([], { ...settings, technicianGroup: 't' })).toBeNull();
    expect(roleFromGroups(['t'], { ...settings, technicianGroup: 't' })).toBe('technician');
  });
});
