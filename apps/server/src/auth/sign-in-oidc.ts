import { randomUUID } from 'node:crypto';
import { recordAudit } from './audit.ts';
import { ForbiddenError } from './auth-errors.ts';
import type { UserRow } from './auth-schema.ts';
import type { AuthDeps } from './auth-deps.ts';
import { roleFromGroups, type OidcIdentity, type OidcSettings } from './oidc-client.ts';
import { findTechnicianByEmail, findUserBySubject, findUserByUsername, insertUser, updateUser } from './user-store.ts';

/**
 * Turns a verified single sign-on identity into a walkup account, creating it on first sign-in.
 * The role follows the provider's groups at every sign-in, so removing someone from the admin group
 * takes effect at their next sign-in; a technician account is linked by e-mail to a technician.
 */
export async function signInWithOidc(deps: Pick<AuthDeps, 'db' | 'now'>, identity: OidcIdentity, settings: OidcSettings, ip: string): Promise<UserRow> {
  const at = deps.now().toISOString();
  const audit = (outcome: 'ok' | 'denied', detail?: Record<string, unknown>) =>
    recordAudit(deps.db, { at, actor: `user:${identity.username}`, action: 'sign_in.oidc', outcome, ip, detail });
  const role = roleFromGroups(identity.groups, settings);
  if (!role) {
    await audit('denied', { reason: 'not_in_group' });
    throw new ForbiddenError('no_walkup_role', 'your account is not in a walkup group; ask an admin');
  }
  const existing = await findUserBySubject(deps.db, identity.subject);
  const technician = !existing?.technician_id && identity.email ? await findTechnicianByEmail(deps.db, identity.email) : undefined;
  const technicianId = existing?.technician_id ?? technician?.id ?? null;
  if (role === 'technician' && !technicianId) {
    await audit('denied', { reason: 'no_technician_for_email' });
    throw new ForbiddenError('no_technician', 'no technician has your e-mail address; ask an admin to add you');
  }
  if (existing?.disabled) {
    await audit('denied', { reason: 'disabled' });
    throw new ForbiddenError('account_disabled', 'this account is disabled');
  }
  if (existing) {
    await updateUser(deps.db, existing.id, { role, technician_id: technicianId, display_name: identity.displayName, last_login_at: at });
  } else {
    // Local accounts keep their usernames; a clashing SSO user gets a prefixed one.
    const clash = await findUserByUsername(deps.db, identity.username);
    await insertUser(deps.db, {
      id: randomUUID(),
      username: clash ? `sso:${identity.username}` : identity.username,
      display_name: identity.displayName,
      role,
      technician_id: technicianId,
      password_hash: null,
      oidc_subject: identity.subject,
      disabled: 0,
      failed_attempts: 0,
      locked_until: null,
      created_at: at,
      last_login_at: at,
    });
  }
  await audit('ok', { role });
  return (await findUserBySubject(deps.db, identity.subject))!;
}
