import type { Db } from '../db/connection.ts';
import { requireStrongPassword } from '../admin/users.ts';
import { recordAudit } from './audit.ts';
import { createAccount } from './create-account.ts';
import { countUsers } from './user-store.ts';

/** Production's first admin, from configuration, created only while there is no account at all. */
export async function bootstrapAdmin(db: Db, admin: { username: string; password: string }, now: Date): Promise<boolean> {
  if ((await countUsers(db)) > 0) return false;
  requireStrongPassword(admin.password, admin.username);
  const at = now.toISOString();
  await createAccount(db, { ...admin, displayName: admin.username, role: 'admin', technicianId: null }, at);
  await recordAudit(db, { at, actor: 'system', action: 'user.created', target: admin.username, detail: { role: 'admin', bootstrap: true } });
  return true;
}
