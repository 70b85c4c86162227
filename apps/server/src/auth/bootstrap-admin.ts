import type { Db } from '../db/connection.ts';
import { requireStrongPassword } from '../admin/users.ts';
import { recordAudit } from './audit.ts';
import { createAccount } from './create-account.ts';
import { countPasswordAdmins, countUsers } from './user-store.ts';
import type { SecurityConfig } from './security-config.ts';

/** Production's first admin, from configuration, created only while there is no account at all. */
export async function bootstrapAdmin(db: Db, admin: { username: string; password: string }, now: Date): Promise<boolean> {
  if ((await countUsers(db)) > 0) return false;
  requireStrongPassword(admin.password, admin.username);
  const at = now.toISOString();
  await createAccount(db, { ...admin, displayName: admin.username, role: 'admin', technicianId: null }, at);
  await recordAudit(db, { at, actor: 'system', action: 'user.created', target: admin.username, detail: { role: 'admin', bootstrap: true } });
  return true;
}

/**
 * Production without demo accounts must leave someone a way in: an admin account that exists, the
 * first admin from WALKUP_ADMIN_*, or single sign-on. Otherwise the server would start and nobody
 * could ever sign in, so it refuses, saying what to set.
 */
export async function requireWayToSignIn(db: Db, security: Pick<SecurityConfig, 'mode' | 'bootstrapAdmin' | 'oidc'>): Promise<void> {
  if (security.mode !== 'production' || security.bootstrapAdmin || security.oidc) return;
  if ((await countPasswordAdmins(db)) > 0) return;
  throw new Error(
    'refusing to start in production mode: nobody could sign in (the database has no admin account, ' +
      'WALKUP_ADMIN_USERNAME / WALKUP_ADMIN_PASSWORD are not set and single sign-on is not configured). ' +
      'Set WALKUP_ADMIN_USERNAME and WALKUP_ADMIN_PASSWORD (12 characters or more) to create the first admin, ' +
      'or configure single sign-on with WALKUP_OIDC_ISSUER, WALKUP_OIDC_CLIENT_ID, WALKUP_OIDC_CLIENT_SECRET and WALKUP_OIDC_ADMIN_GROUP.',
  );
}
