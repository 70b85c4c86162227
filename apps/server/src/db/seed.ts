import { readFileSync } from 'node:fs';
import { applySiteFile } from '../site-config/apply-config-file.ts';
import { withSiteConfigTables } from '../site-config/site-config-schema.ts';
import { seedAppointments } from '../appointments/seed-appointments.ts';
import type { Db } from './connection.ts';
import { findConfigMistakes } from '../site-config/config-file-check.ts';
import type { SeedFile } from './seed-schema.ts';

export function readSeedFile(file: string): SeedFile {
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const mistakes = findConfigMistakes(data);
  if (mistakes.length > 0) throw new Error(`seed file ${file} is invalid: ${mistakes.slice(0, 10).join('; ')}`);
  return data as SeedFile;
}

/** Loads configuration (sites, queues, categories, desks, technicians, directory) into an empty database. */
export async function seedDatabase(db: Db, seed: SeedFile): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const at = new Date().toISOString();
    for (const site of seed.sites) {
      await applySiteFile(withSiteConfigTables(trx), site, at);
      await seedAppointments(trx, site);
    }
    for (const person of seed.directory ?? []) {
      await trx
        .insertInto('directory_people')
        .values({ id: person.id, name: person.name, email: person.email?.toLowerCase() ?? null, employee_id: person.employeeId ?? null, badge_id: person.badgeId ?? null })
        .execute();
    }
  });
}

export async function seedIfEmpty(db: Db, file: string): Promise<boolean> {
  const existing = await db.selectFrom('sites').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  await seedDatabase(db, readSeedFile(file));
  return true;
}
