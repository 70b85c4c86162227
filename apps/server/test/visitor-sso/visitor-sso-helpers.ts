import { expect } from 'vitest';
import { demo, type TestApp } from '../helpers/test-app.ts';
import type { createOidcProvider } from '../auth/oidc-provider.ts';

export type Purpose = 'check-in' | 'booking';

const cookieNamed = (headers: Record<string, unknown>, name: string) =>
  [headers['set-cookie']].flat().find((c): c is string => typeof c === 'string' && c.startsWith(`${name}=`) && !c.startsWith(`${name}=;`));

/**
 * The browser's round trip from a visitor page: start -> provider -> the (shared) callback, carrying
 * the transaction cookie; `tamper` changes what the provider sends back.
 */
export async function signInAsVisitor(t: TestApp, provider: ReturnType<typeof createOidcProvider>, purpose: Purpose, tamper?: (query: URLSearchParams) => void) {
  const start = await t.app.inject({ url: `/api/visitor-sso/start?siteId=${demo.site}&purpose=${purpose}` });
  expect(start.statusCode).toBe(302);
  const location = String(start.headers.location);
  const transaction = cookieNamed(start.headers, 'walkup_visitor_oidc');
  if (!location.startsWith(provider.issuer)) return { location, identityCookie: undefined, sessionCookie: undefined, raw: undefined };
  expect(transaction).toMatch(/HttpOnly/);
  const { code, state } = provider.authorize(location);
  const query = new URLSearchParams({ code, state, session_state: 'abc', iss: provider.issuer });
  tamper?.(query);
  const callback = await t.app.inject({ url: `/api/auth/oidc/callback?${query}`, headers: { cookie: transaction!.split(';')[0]! } });
  expect(callback.statusCode).toBe(302);
  const identity = cookieNamed(callback.headers, 'walkup_visitor_sso');
  return {
    location: String(callback.headers.location),
    identityCookie: identity?.split(';')[0],
    sessionCookie: cookieNamed(callback.headers, 'walkup_session')?.split(';')[0],
    raw: identity,
    state,
  };
}
