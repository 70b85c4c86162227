import type { Db } from '../db/connection.ts';
import { withAuthTables, type AuthUsersTable, type UserRow } from './auth-schema.ts';

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return withAuthTables(db).selectFrom('auth_users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return withAuthTables(db).selectFrom('auth_users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserBySubject(db: Db, subject: string): Promise<UserRow | undefined> {
  return withAuthTables(db).selectFrom('auth_users').selectAll().where('oidc_subject', '=', subject).executeTakeFirst();
}

export async function insertUser(db: Db, row: AuthUsersTable): Promise<void> {
  await withAuthTables(db).insertInto('auth_users').values(row).execute();
}

export async function updateUser(db: Db, id: string, changes: Partial<Omit<AuthUsersTable, 'id'>>): Promise<void> {
  await withAuthTables(db).updateTable('auth_users').set(changes).where('id', '=', id).execute();
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return withAuthTables(db).selectFrom('auth_users').selectAll().orderBy('username').execute();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await withAuthTables(db).selectFrom('auth_users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Enabled admins who can sign in with a password (single sign-on admins are counted by their provider). */
export async function countPasswordAdmins(db: Db): Promise<number> {
  const row = await withAuthTables(db)
    .selectFrom('auth_users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .where('password_hash', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The sites a technician works at: those of the queues assigned to them. */
export async function listTechnicianSiteIds(db: Db, technicianId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('technician_queues')
    .innerJoin('queues', 'queues.id', 'technician_queues.queue_id')
    .select('queues.site_id')
    .distinct()
    .where('technician_queues.technician_id', '=', technicianId)
    .execute();
  return rows.map((r) => r.site_id);
}

export async function findTechnicianByEmail(db: Db, email: string): Promise<{ id: string; name: string } | undefined> {
  const rows = await db.selectFrom('technicians').select(['id', 'name', 'email']).where('email', 'is not', null).execute();
  return rows.find((r) => r.email!.toLowerCase() === email.toLowerCase());
}
