import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../src/db/connection.ts';
import { createAccount } from '../../src/auth/create-account.ts';
import { replaceAccountSites } from '../../src/auth/account-sites.ts';
import { createDeviceWithToken } from '../../src/auth/demo-access.ts';
import { sessionCookieName } from '../../src/auth/session-cookie.ts';
import { createSession } from '../../src/auth/session-store.ts';
import { csrfTokenFor } from '../../src/auth/tokens.ts';
import { findUserByUsername } from '../../src/auth/user-store.ts';

/** Accounts in every test database (created once per worker in the template). */
export const testAccounts = {
  admin: { username: 'admin', password: 'admin-password-1', displayName: 'Test admin', role: 'admin', technicianId: null },
  alex: { username: 'alex', password: 'alex-password-1', displayName: 'Alex Martin', role: 'technician', technicianId: 'tech-alex' },
  sam: { username: 'sam', password: 'sam-password-1', displayName: 'Sam Dubois', role: 'technician', technicianId: 'tech-sam' },
  manager: { username: 'morgan', password: 'morgan-password-1', displayName: 'Morgan Lead', role: 'manager', technicianId: null },
  siteAdmin: { username: 'robin', password: 'robin-password-1', displayName: 'Robin Tech Bar Lead', role: 'site_admin', technicianId: null },
} as const;

/** The sites the test manager and the test site admin see. */
export const testManagerSiteIds = ['hq'];

/** Devices paired to the demo site, with known tokens. */
export const testDevices = {
  kiosk: { siteId: 'hq', role: 'kiosk', name: 'Test kiosk', token: 'test-kiosk-token-hq-0123456789abcdef' },
  display: { siteId: 'hq', role: 'display', name: 'Test display', token: 'test-display-token-hq-0123456789abcdef' },
} as const;

export type CallerName = keyof typeof testAccounts | keyof typeof testDevices | 'anonymous';
export const callerNames: CallerName[] = ['anonymous', 'kiosk', 'display', 'alex', 'sam', 'admin', 'manager', 'siteAdmin'];

export async function seedTestAccounts(db: Db): Promise<void> {
  const at = '2026-01-01T00:00:00.000Z';
  for (const account of Object.values(testAccounts)) {
    const id = await createAccount(db, account, at);
    if (account.role === 'manager' || account.role === 'site_admin') await replaceAccountSites(db, id, testManagerSiteIds);
  }
  for (const device of Object.values(testDevices)) await createDeviceWithToken(db, device, at);
}

/** A way to call the app as someone: headers for HTTP, and the websocket upgrade context. */
export interface Caller {
  name: CallerName;
  headers: Record<string, string>;
  /** Path for app.injectWS, carrying a device token when the caller is a device. */
  wsPath: string;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export function callerWithHeaders(app: FastifyInstance, name: CallerName, headers: Record<string, string>, wsPath = '/ws'): Caller {
  return {
    name,
    headers,
    wsPath,
    inject: (options) => app.inject({ ...options, headers: { ...headers, ...(options.headers as Record<string, string> | undefined) } }) as Promise<LightMyRequestResponse>,
  };
}

/**
 * Signs a test account in without the (deliberately slow) password check: a session row far in the
 * future, so tests that move the clock by hours stay signed in. The login route has its own tests.
 */
export async function createCaller(app: FastifyInstance, db: Db, name: CallerName): Promise<Caller> {
  if (name === 'anonymous') return callerWithHeaders(app, name, {});
  if (name === 'kiosk' || name === 'display') {
    const token = testDevices[name].token;
    return callerWithHeaders(app, name, { authorization: `Bearer ${token}` }, `/ws?token=${token}`);
  }
  const user = (await findUserByUsername(db, testAccounts[name].username))!;
  const { token } = await createSession(db, user.id, 'password', new Date('2099-01-01T00:00:00Z'));
  return callerWithHeaders(app, name, { cookie: `${sessionCookieName}=${token}`, 'x-csrf-token': csrfTokenFor(token) });
}
