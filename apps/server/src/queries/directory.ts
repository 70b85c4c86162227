import type { Db } from '../db/connection.ts';

export interface DirectoryPerson {
  name: string;
  email: string | null;
  employeeId: string | null;
  badgeId: string | null;
}

export async function findDirectoryPerson(
  db: Db,
  key: { badgeId?: string; email?: string; employeeId?: string },
): Promise<DirectoryPerson | null> {
  let query = db.selectFrom('directory_people').select(['name', 'email', 'employee_id', 'badge_id']);
  if (key.badgeId) query = query.where('badge_id', '=', key.badgeId);
  else if (key.email) query = query.where('email', '=', key.email.toLowerCase());
  else if (key.employeeId) query = query.where('employee_id', '=', key.employeeId);
  else return null;
  const row = await query.executeTakeFirst();
  return row ? { name: row.name, email: row.email, employeeId: row.employee_id, badgeId: row.badge_id } : null;
}

export interface DirectoryMatch {
  kind: 'badge' | 'employee_id' | 'email';
  person: DirectoryPerson;
}

/**
 * What a visitor entered, tried against the directory in a fixed order (badge, employee id, email):
 * the data tells a badge from a typed id, not how fast the keys came.
 */
export async function findDirectoryPersonByIdentifier(db: Db, identifier: string): Promise<DirectoryMatch | null> {
  const value = identifier.trim();
  const attempts: Array<[DirectoryMatch['kind'], Parameters<typeof findDirectoryPerson>[1]]> = [
    ['badge', { badgeId: value }],
    ['employee_id', { employeeId: value }],
    ['email', { email: value }],
  ];
  for (const [kind, key] of attempts) {
    if (kind === 'email' && !value.includes('@')) continue;
    const person = await findDirectoryPerson(db, key);
    if (person) return { kind, person };
  }
  return null;
}
