import { ConflictError } from '@walkup/domain';
import { UnauthenticatedError } from '../auth/auth-errors.ts';
import { hashToken, randomToken } from '../auth/tokens.ts';
import type { Db } from '../db/connection.ts';

/** Long enough to pick a reason and a time after signing in; the identity is then used once. */
const identityLifetimeMs = 10 * 60_000;

export const visitorSsoPurposes = ['check-in', 'booking'] as const;
export type VisitorSsoPurpose = (typeof visitorSsoPurposes)[number];

/** Who the provider says the visitor is; nothing here is typed by the visitor. */
export interface VisitorSsoPerson {
  subject: string;
  name: string;
  email: string | null;
  employeeId: string | null;
}

export interface VisitorSsoIdentity extends VisitorSsoPerson {
  siteId: string;
  purpose: VisitorSsoPurpose;
  expiresAt: string;
}

const signInNeeded = () => new UnauthenticatedError('visitor_sign_in_needed', 'sign in with your company account first (a sign-in lasts 10 minutes and serves once)');

/** Stores the identity and returns the token for the visitor's cookie (only its hash is kept). */
export async function storeVisitorIdentity(db: Db, identity: Omit<VisitorSsoIdentity, 'expiresAt'>, now: Date): Promise<{ token: string; expiresAt: string }> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + identityLifetimeMs).toISOString();
  await db
    .insertInto('visitor_sso_identities')
    .values({
      token_hash: hashToken(token),
      site_id: identity.siteId,
      purpose: identity.purpose,
      subject: identity.subject,
      visitor_name: identity.name,
      visitor_email: identity.email,
      visitor_employee_id: identity.employeeId,
      expires_at: expiresAt,
      used_at: null,
    })
    .execute();
  return { token, expiresAt };
}

/** The identity of a cookie, unused and unexpired, for the page that asked for it. */
export async function findVisitorIdentity(db: Db, token: string | undefined, now: Date, siteId: string, purpose: VisitorSsoPurpose): Promise<VisitorSsoIdentity> {
  if (!token) throw signInNeeded();
  const row = await db.selectFrom('visitor_sso_identities').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
  if (!row || row.expires_at < now.toISOString()) throw signInNeeded();
  if (row.used_at) throw new ConflictError('visitor_sign_in_used', 'this sign-in was already used; sign in again for another check-in or booking');
  // Bound to the site and page that started it: a sign-in for booking at one site does not check in at another.
  if (row.site_id !== siteId || row.purpose !== purpose) throw new ConflictError('visitor_sign_in_elsewhere', 'this sign-in was made on another page; sign in again here');
  return {
    siteId: row.site_id,
    purpose: row.purpose as VisitorSsoPurpose,
    subject: row.subject,
    name: row.visitor_name,
    email: row.visitor_email,
    employeeId: row.visitor_employee_id,
    expiresAt: row.expires_at,
  };
}

/**
 * Runs one action as the signed-in visitor, once: the identity is claimed with a compare-and-set
 * first, so a replayed or doubled request finds it used, and given back when the action is refused
 * (slot taken meanwhile, already in the queue) so the visitor may pick again without signing in again.
 */
export async function actAsVisitor<T>(db: Db, token: string | undefined, now: Date, siteId: string, purpose: VisitorSsoPurpose, action: (identity: VisitorSsoIdentity) => Promise<T>): Promise<T> {
  const identity = await findVisitorIdentity(db, token, now, siteId, purpose);
  const tokenHash = hashToken(token!);
  const claimed = await db.updateTable('visitor_sso_identities').set({ used_at: now.toISOString() }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) throw new ConflictError('visitor_sign_in_used', 'this sign-in was already used; sign in again for another check-in or booking');
  try {
    return await action(identity);
  } catch (error) {
    await db.updateTable('visitor_sso_identities').set({ used_at: null }).where('token_hash', '=', tokenHash).execute();
    throw error;
  }
}

export async function forgetVisitorIdentity(db: Db, token: string | undefined): Promise<void> {
  if (token) await db.deleteFrom('visitor_sso_identities').where('token_hash', '=', hashToken(token)).execute();
}
