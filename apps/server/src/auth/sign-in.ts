import { DomainError } from '@walkup/domain';
import { recordAudit } from './audit.ts';
import { UnauthenticatedError } from './auth-errors.ts';
import type { UserRow } from './auth-schema.ts';
import type { AuthDeps } from './auth-deps.ts';
import { hashForUnknownUser, verifyPassword } from './passwords.ts';
import { findUserByUsername, updateUser } from './user-store.ts';

/** Five wrong passwords in a row lock the account for fifteen minutes. */
export const maxFailedAttempts = 5;
export const lockoutMs = 15 * 60_000;

class AccountLockedError extends DomainError {
  constructor(until: string) {
    super('unauthenticated', 'account_locked', `too many failed sign-ins; try again after ${until.slice(11, 16)} UTC or ask an admin to unlock the account`);
  }
}

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
    throw new UnauthenticatedError('bad_credentials', 'wrong username or password');
  }
  if (user.locked_until && user.locked_until > at) {
    await audit('denied', { reason: 'locked' });
    throw new AccountLockedError(user.locked_until);
  }
  if (!(await verifyPassword(input.password, user.password_hash))) {
    const failures = (user.locked_until ? 0 : user.failed_attempts) + 1;
    const locks = failures >= maxFailedAttempts;
    await updateUser(deps.db, user.id, locks ? { failed_attempts: 0, locked_until: new Date(now.getTime() + lockoutMs).toISOString() } : { failed_attempts: failures, locked_until: null });
    await audit('failed', { reason: 'wrong_password', ...(locks ? { locked: true } : {}) });
    throw new UnauthenticatedError('bad_credentials', 'wrong username or password');
  }
  await updateUser(deps.db, user.id, { failed_attempts: 0, locked_until: null, last_login_at: at });
  await audit('ok');
  return user;
}
