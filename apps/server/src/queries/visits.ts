import { NotFoundError, activeVisitStates, type Visit, type VisitState } from '@walkup/domain';
import type { WaitAccuracyPoint } from '@walkup/protocol';
import type { Db } from '../db/connection.ts';
import { preparedQuery } from '../db/prepared-query.ts';
import type { NewVisitRow, VisitRow } from '../db/schema.ts';

export function toVisit(row: VisitRow): Visit {
  return {
    id: row.id,
    siteId: row.site_id,
    queueId: row.queue_id,
    categoryId: row.category_id,
    ticketNumber: row.ticket_number,
    priority: row.priority,
    state: row.state as VisitState,
    visitor: {
      kind: row.visitor_kind as Visit['visitor']['kind'],
      ...(row.visitor_name ? { name: row.visitor_name } : {}),
      ...(row.visitor_email ? { email: row.visitor_email } : {}),
      ...(row.visitor_employee_id ? { employeeId: row.visitor_employee_id } : {}),
      ...(row.visitor_badge_id ? { badgeId: row.visitor_badge_id } : {}),
    },
    note: row.note,
    checkedInAt: row.checked_in_at,
    calledAt: row.called_at,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    deskId: row.desk_id,
    technicianId: row.technician_id,
    callCount: row.call_count,
  };
}

/** The columns a check-in sets; the others start empty. */
const newVisitColumns = [
  'id',
  'site_id',
  'queue_id',
  'category_id',
  'ticket_number',
  'service_day',
  'priority',
  'state',
  'visitor_kind',
  'visitor_name',
  'visitor_email',
  'visitor_employee_id',
  'visitor_badge_id',
  'note',
  'checked_in_at',
  'call_count',
  'estimate_at_join_seconds',
  'estimate_at_join_low',
  'estimate_at_join_high',
  'itsm_state',
  'category_label',
  'queue_name',
  'call_order_at',
  'appointment_id',
  'appointment_at',
  'visitor_language',
  'on_the_way',
] as const;

export type NewVisit = Pick<NewVisitRow, (typeof newVisitColumns)[number]>;

const insertVisitRow = preparedQuery<NewVisit, never>((db, value) =>
  db.insertInto('visits').values(Object.fromEntries(newVisitColumns.map((column) => [column, value(column)])) as NewVisit),
);

export async function insertVisit(trx: Db, row: NewVisit): Promise<void> {
  await insertVisitRow(trx, row);
}

export async function findVisitRow(db: Db, visitId: string): Promise<VisitRow> {
  const row = await db.selectFrom('visits').selectAll().where('id', '=', visitId).executeTakeFirst();
  if (!row) throw new NotFoundError('visit', visitId);
  return row;
}

export async function listActiveVisitRows(db: Db, siteId: string): Promise<VisitRow[]> {
  return db
    .selectFrom('visits')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('state', 'in', [...activeVisitStates])
    .orderBy('checked_in_at')
    // Check-ins stamped with the same instant keep the order they were logged in, as the live view
    // (built from the events) has them; without this PostgreSQL returns ties in any order.
    .orderBy((eb) => eb.selectFrom('events').select('events.id').whereRef('events.visit_id', '=', 'visits.id').where('events.type', '=', 'visit.checked_in').limit(1))
    .execute();
}

export async function listWaitingInQueues(db: Db, queueIds: readonly string[]): Promise<VisitRow[]> {
  if (queueIds.length === 0) return [];
  return db.selectFrom('visits').selectAll().where('queue_id', 'in', [...queueIds]).where('state', '=', 'waiting').execute();
}

/** The visit a technician is currently calling or serving, if any. */
export async function findCurrentVisitOfTechnician(db: Db, technicianId: string): Promise<VisitRow | undefined> {
  return db
    .selectFrom('visits')
    .selectAll()
    .where('technician_id', '=', technicianId)
    .where('state', 'in', ['called', 'in_service'])
    .executeTakeFirst();
}

/**
 * Changes a visit only if it is still in the state the caller read. This compare-and-set keeps two
 * desks from both taking the same visitor, on SQLite and on PostgreSQL alike.
 */
export async function updateVisitIfState(
  trx: Db,
  visitId: string,
  expected: VisitState,
  changes: Partial<Omit<VisitRow, 'id' | 'site_id'>>,
): Promise<boolean> {
  const result = await trx.updateTable('visits').set(changes).where('id', '=', visitId).where('state', '=', expected).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface CompletedService {
  categoryId: string;
  seconds: number;
  endedAt: string;
}

/** Recent finished services, to warm the service-time model at start. */
export async function listRecentServiceDurations(db: Db, siteId: string, sinceIso: string): Promise<CompletedService[]> {
  const rows = await db
    .selectFrom('visits')
    .select(['category_id', 'started_at', 'called_at', 'ended_at'])
    .where('site_id', '=', siteId)
    .where('state', 'in', ['resolved', 'escalated'])
    .where('ended_at', '>=', sinceIso)
    .orderBy('ended_at')
    .execute();
  return rows.flatMap((r) => {
    const start = r.started_at ?? r.called_at;
    if (!start || !r.ended_at) return [];
    return [{ categoryId: r.category_id, seconds: (Date.parse(r.ended_at) - Date.parse(start)) / 1000, endedAt: r.ended_at }];
  });
}

export type WaitAccuracyRow = WaitAccuracyPoint;

export async function listWaitAccuracy(db: Db, siteId: string, serviceDay: string): Promise<WaitAccuracyRow[]> {
  const rows = await db
    .selectFrom('visits')
    .select(['id', 'ticket_number', 'checked_in_at', 'called_at', 'estimate_at_join_seconds', 'estimate_at_join_low', 'estimate_at_join_high'])
    .where('site_id', '=', siteId)
    .where('service_day', '=', serviceDay)
    .orderBy('checked_in_at')
    .execute();
  return rows.map((r) => ({
    visitId: r.id,
    ticketNumber: r.ticket_number,
    checkedInAt: r.checked_in_at,
    estimatedSeconds: r.estimate_at_join_seconds,
    lowSeconds: r.estimate_at_join_low,
    highSeconds: r.estimate_at_join_high,
    actualSeconds: r.called_at ? Math.round((Date.parse(r.called_at) - Date.parse(r.checked_in_at)) / 1000) : null,
  }));
}
