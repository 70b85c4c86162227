import { ConflictError, InvalidInputError, NotFoundError } from '@walkup/domain';
import { recordAudit } from '../auth/audit.ts';
import type { UserRow } from '../auth/auth-schema.ts';
import type { Actor, AuthDeps } from '../auth/auth-deps.ts';
import { hashPassword } from '../auth/passwords.ts';
import { deleteSessionsOfUser } from '../auth/session-store.ts';
import { findUserById, findUserByUsername, updateUser } from '../auth/user-store.ts';
import { createAccount } from '../auth/create-account.ts';
import { findTechnician } from '../queries/presence.ts';

export type AccountRole = 'technician' | 'admin';

export function toUserView(row: UserRow) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    technicianId: row.technician_id,
    sso: row.oidc_subject !== null,
    disabled: row.disabled === 1,
    lockedUntil: row.locked_until,
    lastLoginAt: row.last_login_at,
  };
}

/** Rejects passwords that are trivially guessed; length matters more than character classes. */
export function requireStrongPassword(password: string, username: string): void {
  if (password.length < 12) throw new InvalidInputError('weak_password', 'a password needs at least 12 characters');
  if (password.toLowerCase().includes(username.toLowerCase())) throw new InvalidInputError('weak_password', 'the password must not contain the username');
}

async function requireTechnicianIfAny(deps: Pick<AuthDeps, 'db'>, technicianId: string | null | undefined): Promise<void> {
  if (technicianId && !(await findTechnician(deps.db, technicianId))) throw new NotFoundError('technician', technicianId);
}

export async function createLocalUser(
  deps: Pick<AuthDeps, 'db' | 'now'>,
  actor: Actor,
  input: { username: string; displayName: string; password: string; role: AccountRole; technicianId: string | null },
) {
  requireStrongPassword(input.password, input.username);
  await requireTechnicianIfAny(deps, input.technicianId);
  if (input.role === 'technician' && !input.technicianId) throw new InvalidInputError('technician_required', 'a technician account must be linked to a technician');
  if (await findUserByUsername(deps.db, input.username)) throw new ConflictError('username_taken', `the username '${input.username}' is taken`);
  const at = deps.now().toISOString();
  const id = await createAccount(deps.db, input, at);
  await recordAudit(deps.db, { at, actor: actor.label, action: 'user.created', target: input.username, ip: actor.ip, detail: { role: input.role, technicianId: input.technicianId } });
  return toUserView((await findUserById(deps.db, id))!);
}

/**
 * Changes an account. Anything that narrows access (role, technician, disabling, a new password)
 * ends the account's sessions and live connections at once.
 */
export async function changeUser(
  deps: Pick<AuthDeps, 'db' | 'now' | 'connections'>,
  actor: Actor,
  userId: string,
  changes: { role?: AccountRole; technicianId?: string | null; disabled?: boolean; password?: string; unlock?: boolean; displayName?: string },
) {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new NotFoundError('user', userId);
  if (changes.password !== undefined) requireStrongPassword(changes.password, user.username);
  await requireTechnicianIfAny(deps, changes.technicianId);
  const at = deps.now().toISOString();
  await updateUser(deps.db, userId, {
    ...(changes.role !== undefined ? { role: changes.role } : {}),
    ...(changes.technicianId !== undefined ? { technician_id: changes.technicianId } : {}),
    ...(changes.disabled !== undefined ? { disabled: changes.disabled ? 1 : 0 } : {}),
    ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
    ...(changes.password !== undefined ? { password_hash: await hashPassword(changes.password) } : {}),
    ...(changes.unlock || changes.password !== undefined ? { failed_attempts: 0, locked_until: null } : {}),
  });
  const narrows = changes.role !== undefined || changes.technicianId !== undefined || changes.disabled === true || changes.password !== undefined;
  if (narrows) {
    await deleteSessionsOfUser(deps.db, userId);
    deps.connections.closeUser(userId);
  }
  const { password: _secret, ...logged } = changes;
  await recordAudit(deps.db, { at, actor: actor.label, action: 'user.changed', target: user.username, ip: actor.ip, detail: { ...logged, ...(changes.password !== undefined ? { passwordChanged: true } : {}) } });
  return toUserView((await findUserById(deps.db, userId))!);
}
