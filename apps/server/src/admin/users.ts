import { ConflictError, InvalidInputError, NotFoundError } from '@walkup/domain';
import { recordAudit } from '../auth/audit.ts';
import type { UserRow } from '../auth/auth-schema.ts';
import type { Actor, AuthDeps } from '../auth/auth-deps.ts';
import { hashPassword } from '../auth/passwords.ts';
import { deleteSessionsOfUser } from '../auth/session-store.ts';
import { findUserById, findUserByUsername, updateUser } from '../auth/user-store.ts';
import { createAccount } from '../auth/create-account.ts';
import { findTechnician } from '../queries/presence.ts';
import { listAccountSiteIds, replaceAccountSites } from '../auth/account-sites.ts';
import { listSites } from '../queries/sites.ts';
import { hasGivenSites } from '../auth/principal.ts';

export type AccountRole = 'technician' | 'manager' | 'site_admin' | 'admin';

export function toUserView(row: UserRow, siteIds: string[] = []) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    technicianId: row.technician_id,
    siteIds,
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

/** A manager or site admin sees only the sites an admin gave them: at least one, each of them real. */
async function requireGivenSites(deps: Pick<AuthDeps, 'db'>, role: AccountRole, siteIds: readonly string[] | undefined): Promise<void> {
  if (!siteIds || siteIds.length === 0) throw new InvalidInputError('sites_required', `a ${role === 'manager' ? 'manager' : 'site admin'} account must be given the sites it sees (siteIds)`);
  const known = new Set((await listSites(deps.db)).map((site) => site.id));
  for (const siteId of siteIds) if (!known.has(siteId)) throw new NotFoundError('site', siteId);
}

async function userView(deps: Pick<AuthDeps, 'db'>, userId: string) {
  const row = (await findUserById(deps.db, userId))!;
  return toUserView(row, hasGivenSites(row.role) ? await listAccountSiteIds(deps.db, userId) : []);
}

export async function createLocalUser(
  deps: Pick<AuthDeps, 'db' | 'now'>,
  actor: Actor,
  input: { username: string; displayName: string; password: string; role: AccountRole; technicianId: string | null; siteIds?: string[] },
) {
  requireStrongPassword(input.password, input.username);
  await requireTechnicianIfAny(deps, input.technicianId);
  if (input.role === 'technician' && !input.technicianId) throw new InvalidInputError('technician_required', 'a technician account must be linked to a technician');
  if (hasGivenSites(input.role)) await requireGivenSites(deps, input.role, input.siteIds);
  else if (input.siteIds !== undefined) throw new InvalidInputError('sites_only_for_scoped_roles', 'only manager and site admin accounts are given sites; technicians see their queues’ sites, admins all');
  if (await findUserByUsername(deps.db, input.username)) throw new ConflictError('username_taken', `the username '${input.username}' is taken`);
  const at = deps.now().toISOString();
  const { siteIds, ...account } = input;
  const id = await deps.db.transaction().execute(async (trx) => {
    const created = await createAccount(trx, account, at);
    if (hasGivenSites(input.role)) await replaceAccountSites(trx, created, siteIds ?? []);
    return created;
  });
  await recordAudit(deps.db, { at, actor: actor.label, action: 'user.created', target: input.username, ip: actor.ip, detail: { role: input.role, technicianId: input.technicianId, ...(siteIds ? { siteIds } : {}) } });
  return userView(deps, id);
}

/**
 * Changes an account. Anything that narrows access (role, technician, disabling, a new password)
 * ends the account's sessions and live connections at once.
 */
export async function changeUser(
  deps: Pick<AuthDeps, 'db' | 'now' | 'connections'>,
  actor: Actor,
  userId: string,
  changes: { role?: AccountRole; technicianId?: string | null; disabled?: boolean; password?: string; unlock?: boolean; displayName?: string; siteIds?: string[] },
) {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new NotFoundError('user', userId);
  const role = changes.role ?? user.role;
  const getsSites = hasGivenSites(role);
  if (changes.siteIds !== undefined && !getsSites) throw new InvalidInputError('sites_only_for_scoped_roles', 'only manager and site admin accounts are given sites; technicians see their queues’ sites, admins all');
  if (getsSites && (changes.siteIds !== undefined || !hasGivenSites(user.role))) await requireGivenSites(deps, role, changes.siteIds ?? (hasGivenSites(user.role) ? await listAccountSiteIds(deps.db, userId) : undefined));
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
  if (changes.siteIds !== undefined || (changes.role !== undefined && changes.role !== user.role)) await replaceAccountSites(deps.db, userId, getsSites ? (changes.siteIds ?? (await listAccountSiteIds(deps.db, userId))) : []);
  const narrows = changes.role !== undefined || changes.siteIds !== undefined || changes.technicianId !== undefined || changes.disabled === true || changes.password !== undefined;
  if (narrows) {
    await deleteSessionsOfUser(deps.db, userId);
    deps.connections.closeUser(userId);
  }
  const { password: _secret, ...logged } = changes;
  await recordAudit(deps.db, { at, actor: actor.label, action: 'user.changed', target: user.username, ip: actor.ip, detail: { ...logged, ...(changes.password !== undefined ? { passwordChanged: true } : {}) } });
  return userView(deps, userId);
}
