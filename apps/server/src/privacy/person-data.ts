import { InvalidInputError } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import { recordAudit } from '../auth/audit.ts';
import type { Actor } from '../auth/auth-deps.ts';
import { withAuthTables } from '../auth/auth-schema.ts';
import { toSiteEvent } from '../queries/events.ts';
import { toVisit } from '../queries/visits.ts';
import { anonymiseVisits } from './anonymise.ts';
import { anonymiseBookingsOfPerson, listBookingsOfPerson } from './appointment-privacy.ts';

/** How a person is found: the identifiers a kiosk records (a guest by exact name). */
export interface PersonKey {
  email?: string;
  badgeId?: string;
  employeeId?: string;
  name?: string;
}

async function findVisitIdsOfPerson(db: Db, key: PersonKey): Promise<string[]> {
  const given = Object.entries(key).filter(([, v]) => v !== undefined);
  if (given.length !== 1) throw new InvalidInputError('one_identifier', 'give exactly one of email, badgeId, employeeId or name');
  const rows = await withAuthTables(db)
    .selectFrom('visits')
    .select('id')
    .where((eb) => {
      if (key.email) return eb('visitor_email', '=', key.email.toLowerCase());
      if (key.badgeId) return eb('visitor_badge_id', '=', key.badgeId);
      if (key.employeeId) return eb('visitor_employee_id', '=', key.employeeId);
      return eb('visitor_name', '=', key.name!);
    })
    .orderBy('checked_in_at')
    .execute();
  return rows.map((r) => r.id);
}

/** Everything walkup holds about one visitor: their visits and the events of those visits. */
export async function exportPersonData(deps: { db: Db; now: () => Date }, actor: Actor, key: PersonKey) {
  const ids = await findVisitIdsOfPerson(deps.db, key);
  const visits = ids.length ? await deps.db.selectFrom('visits').selectAll().where('id', 'in', ids).orderBy('checked_in_at').execute() : [];
  const events = ids.length ? await deps.db.selectFrom('events').selectAll().where('visit_id', 'in', ids).orderBy('id').execute() : [];
  const appointments = await listBookingsOfPerson(deps.db, key);
  const at = deps.now().toISOString();
  // The audit entry says that an export happened and how many visits, not who: the log outlives visits.
  await recordAudit(deps.db, { at, actor: actor.label, action: 'privacy.exported', ip: actor.ip, detail: { by: Object.keys(key)[0], visits: visits.length } });
  return { exportedAt: at, visits: visits.map(toVisit), events: events.map(toSiteEvent), appointments };
}

/** Erasure on request: the same anonymisation as the retention period, for one person, now. */
export async function erasePersonData(deps: { db: Db; now: () => Date }, actor: Actor, key: PersonKey) {
  const at = deps.now().toISOString();
  const erased = await deps.db.transaction().execute(async (trx) => {
    await anonymiseBookingsOfPerson(trx, key);
    return anonymiseVisits(trx, await findVisitIdsOfPerson(trx, key), at);
  });
  await recordAudit(deps.db, { at, actor: actor.label, action: 'privacy.erased', ip: actor.ip, detail: { by: Object.keys(key)[0], visits: erased } });
  return { erasedVisits: erased };
}
