import { readFileSync } from 'node:fs';
import { Value } from 'typebox/value';
import { withItsmTables } from '../itsm/itsm-schema.ts';
import type { Db } from './connection.ts';
import { SeedSchema, type SeedFile } from './seed-schema.ts';

export function readSeedFile(file: string): SeedFile {
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Value.Check(SeedSchema, data)) {
    const first = [...Value.Errors(SeedSchema, data)].slice(0, 5).map((e) => `${e.instancePath}: ${e.message}`);
    throw new Error(`seed file ${file} is invalid: ${first.join('; ')}`);
  }
  return data;
}

/** Loads configuration (sites, queues, categories, desks, technicians, directory) into an empty database. */
export async function seedDatabase(db: Db, seed: SeedFile): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const site of seed.sites) {
      await withItsmTables(trx)
        .insertInto('sites')
        .values({
          id: site.id,
          name: site.name,
          time_zone: site.timeZone,
          default_language: site.defaultLanguage,
          languages: JSON.stringify(site.languages),
          opening_hours: JSON.stringify(site.openingHours),
          show_names_on_display: site.showNamesOnDisplay ? 1 : 0,
          no_show_grace_seconds: site.noShowGraceSeconds ?? 120,
          escalation_groups: JSON.stringify(site.escalationGroups),
          itsm_connection: site.itsmConnection ?? null,
          event_seq: 0,
        })
        .execute();
      for (const [index, queue] of site.queues.entries()) {
        await trx
          .insertInto('queues')
          .values({ id: queue.id, site_id: site.id, prefix: queue.prefix, name: JSON.stringify(queue.name), sort_order: index, itsm_assignment_group: queue.itsmAssignmentGroup ?? null })
          .execute();
      }
      for (const [index, category] of site.categories.entries()) {
        const base = { site_id: site.id, priority: 0, expected_service_seconds: 600, itsm_category: null, itsm_subcategory: null, itsm_assignment_group: null };
        await trx
          .insertInto('categories')
          .values({ ...base, id: category.id, parent_id: null, label: JSON.stringify(category.label), icon: category.icon, queue_id: null, sort_order: index })
          .execute();
        for (const [childIndex, choice] of category.children.entries()) {
          await trx
            .insertInto('categories')
            .values({
              ...base,
              id: choice.id,
              parent_id: category.id,
              label: JSON.stringify(choice.label),
              icon: choice.icon,
              queue_id: choice.queue,
              priority: choice.priority ?? 0,
              expected_service_seconds: choice.expectedServiceSeconds ?? 600,
              itsm_category: choice.itsm?.category ?? null,
              itsm_subcategory: choice.itsm?.subcategory ?? null,
              itsm_assignment_group: choice.itsm?.assignmentGroup ?? null,
              sort_order: childIndex,
            })
            .execute();
        }
      }
      for (const [index, desk] of site.desks.entries()) {
        await trx.insertInto('desks').values({ id: desk.id, site_id: site.id, name: desk.name, sort_order: index }).execute();
      }
      for (const technician of site.technicians) {
        await trx
          .insertInto('technicians')
          .values({ id: technician.id, name: technician.name, email: technician.email ?? null })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
        for (const queueId of technician.queues) {
          await trx.insertInto('technician_queues').values({ technician_id: technician.id, queue_id: queueId }).execute();
        }
      }
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
