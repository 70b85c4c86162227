import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connection.ts';
import { hashPassword } from './passwords.ts';
import { insertUser } from './user-store.ts';

export interface NewPasswordAccount {
  username: string;
  password: string;
  displayName: string;
  role: 'technician' | 'manager' | 'site_admin' | 'admin';
  technicianId: string | null;
}

/** Stores a local account with a hashed password; callers check names, strength and links first. */
export async function createAccount(db: Db, account: NewPasswordAccount, at: string): Promise<string> {
  const id = randomUUID();
  await insertUser(db, {
    id,
    username: account.username,
    display_name: account.displayName,
    role: account.role,
    technician_id: account.technicianId,
    password_hash: await hashPassword(account.password),
    oidc_subject: null,
    disabled: 0,
    failed_attempts: 0,
    locked_until: null,
    created_at: at,
    last_login_at: null,
  });
  return id;
}
