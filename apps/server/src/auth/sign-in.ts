import { recordAudit } from './audit.ts';
import { UnauthenticatedError } from './auth-errors.ts';
import type { UserRow } from './auth-schema.ts';
import type { AuthDeps } from './auth-deps.ts';
import { hashForUnknownUser, verifyPassword } from './passwords.ts';
import { findUserByUsername, updateUser } from './user-store.ts';

/** Five wrong passwords in a row lock the account for fifteen minutes. */
export const maxFailedAttempts = 5;
export const lockoutMs = 15 * 60_000;

/**
 * One answer for every refusal (unknown user, wrong password, locked account): telling a locked
 * account apart would confirm to a guesser that the username exists. The audit log keeps the reason.
 */
const refused = () => new UnauthenticatedError('bad_credentials', 'wrong username or password (after 5 failed attempts an account is locked for 15 minutes)');

/** Checks a username and password, counting failures towards the lockout; every outcome is audited. */
export async function signInWithPassword(deps: Pick<AuthDeps, 'db' | 'now'>, input: { username: string; password: string; ip: string }): Promise<UserRow> {
  const now = deps.now();
  const at = now.toISOString();
  const audit = (outcome: 'ok' | 'failed' | 'denied', detail?: Record<string, unknown>) =>
    recordAudit(deps.db, { at, actor: `user:${input.username}`, action: 'sign_in.password', outcome, ip: input.ip, detail });
  const user = await findUserByUsername(deps.db, input.username);
  if (!user || !user.password_hash || user.disabled) {
    // Same work as for a real account, so timing does not tell which usernames exist.
    await verifyPassword(input.password, await hashForUnknownUser());
    await audit('failed', { reason: user ? 'disabled_or_sso_only' : 'unknown_user' });
    throw refused();
  }
  const passwordMatches = await verifyPassword(input.password, user.password_hash);
  if (user.locked_until && user.locked_until > at) {
    // The password was checked all the same, so a locked account answers as slowly as any other.
    await audit('denied', { reason: 'locked', lockedUntil: user.locked_until });
    throw refused();
  }
  if (!passwordMatches) {
    const failures = (user.locked_until ? 0 : user.failed_attempts) + 1;
    const locks = failures >= maxFailedAttempts;
    await updateUser(deps.db, user.id, locks ? { failed_attempts: 0, locked_until: new Date(now.getTime() + lockoutMs).toISOString() } : { failed_attempts: failures, locked_until: null });
    await audit('failed', { reason: 'wrong_password', ...(locks ? { locked: true } : {}) });
    throw refused();
  }
  await updateUser(deps.db, user.id, { failed_attempts: 0, locked_until: null, last_login_at: at });
  await audit('ok');
  return user;
}
