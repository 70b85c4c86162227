import type { Generated, Kysely, Selectable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Database, SitesTable, VisitsTable } from '../db/schema.ts';

/** Row types of the auth and privacy tables (migrations 2026-11-21T1100-auth-*), kept beside their users. */
export interface AuthUsersTable {
  id: string;
  username: string;
  display_name: string;
  role: 'technician' | 'manager' | 'site_admin' | 'admin';
  technician_id: string | null;
  password_hash: string | null;
  oidc_subject: string | null;
  disabled: number;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  last_login_at: string | null;
}

export interface AuthSessionsTable {
  token_hash: string;
  user_id: string;
  method: 'password' | 'oidc';
  created_at: string;
  expires_at: string;
}

export interface AuthDevicesTable {
  id: string;
  site_id: string;
  role: 'kiosk' | 'display';
  name: string;
  token_hash: string;
  created_at: string;
  created_by: string | null;
  last_seen_at: string | null;
  revoked_at: string | null;
}

export interface AuthPairingCodesTable {
  code_hash: string;
  site_id: string;
  role: 'kiosk' | 'display';
  name: string;
  created_by: string;
  expires_at: string;
  used_at: string | null;
  device_id: string | null;
}

export interface AuthAuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  ip: string | null;
  detail: string | null;
}

export interface AuthTables {
  auth_users: AuthUsersTable;
  auth_sessions: AuthSessionsTable;
  auth_devices: AuthDevicesTable;
  auth_pairing_codes: AuthPairingCodesTable;
  auth_audit_log: AuthAuditLogTable;
  visits: VisitsTable & { anonymised_at: string | null };
  sites: SitesTable & { retention_days: number | null };
}

export type AuthDb = Kysely<Omit<Database, 'visits' | 'sites'> & AuthTables>;
export type UserRow = Selectable<AuthUsersTable>;
export type DeviceRow = Selectable<AuthDevicesTable>;

/** The same connection, typed with the auth tables as well (the shared schema file stays the lead's). */
export function withAuthTables(db: Db): AuthDb {
  return db as unknown as AuthDb;
}
