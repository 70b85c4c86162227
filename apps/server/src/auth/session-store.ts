import type { Db } from '../db/connection.ts';
import { withAuthTables } from './auth-schema.ts';
import { hasGivenSites, type Principal } from './principal.ts';
import { csrfTokenFor, hashToken, randomToken } from './tokens.ts';
import { listAccountSiteIds } from './account-sites.ts';
import { listTechnicianSiteIds } from './user-store.ts';

/** A working day: a console left signed in overnight is signed out by morning. */
export const sessionLifetimeMs = 12 * 3600_000;

export async function createSession(db: Db, userId: string, method: 'password' | 'oidc', now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
  await withAuthTables(db)
    .insertInto('auth_sessions')
    .values({ token_hash: hashToken(token), user_id: userId, method, created_at: now.toISOString(), expires_at: expiresAt.toISOString() })
    .execute();
  return { token, expiresAt };
}

export async function deleteSession(db: Db, sessionHash: string): Promise<void> {
  await withAuthTables(db).deleteFrom('auth_sessions').where('token_hash', '=', sessionHash).execute();
}

export async function deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
  await withAuthTables(db).deleteFrom('auth_sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await withAuthTables(db).deleteFrom('auth_sessions').where('expires_at', '<=', now.toISOString()).execute();
}

/** The signed-in user behind a session cookie, or null when unknown, expired or disabled. */
export async function principalOfSession(db: Db, token: string, now: Date): Promise<Principal | null> {
  const sessionHash = hashToken(token);
  const row = await withAuthTables(db)
    .selectFrom('auth_sessions')
    .innerJoin('auth_users', 'auth_users.id', 'auth_sessions.user_id')
    .select(['auth_sessions.expires_at', 'auth_users.id', 'auth_users.username', 'auth_users.display_name', 'auth_users.role', 'auth_users.technician_id', 'auth_users.disabled'])
    .where('auth_sessions.token_hash', '=', sessionHash)
    .executeTakeFirst();
  if (!row || row.disabled || row.expires_at <= now.toISOString()) return null;
  const siteIds =
    row.role === 'admin' ? 'all' : hasGivenSites(row.role) ? await listAccountSiteIds(db, row.id) : row.technician_id ? await listTechnicianSiteIds(db, row.technician_id) : [];
  return {
    kind: 'user',
    role: row.role,
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    technicianId: row.technician_id,
    siteIds,
    sessionHash,
    csrfToken: csrfTokenFor(token),
    expiresAt: row.expires_at,
  };
}
