import { serviceDay } from '@walkup/domain';
import type { Insertable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { VisitsTable } from '../db/schema.ts';
import { cursorName as itsmCursorName } from '../itsm/delivery-store.ts';
import { cursorName as notificationCursorName } from '../notifications/decide-notifications.ts';
import { appendEventBatch, writeCursor, type NewSiteEvent } from '../queries/events.ts';
import { upsertPresence } from '../queries/presence.ts';
import { loadSiteSetup, type SiteSetup } from '../queries/sites.ts';
import { planDemoHistory } from './demo-history-plan.ts';
import type { DemoHistorySite, PlannedEvent, PlannedVisit } from './demo-history-types.ts';

/** The demo seed's site, and how far back its past goes: the staffing forecast learns from six weeks. */
export const demoHistorySiteId = 'hq';
export const demoHistoryDays = 42;
const demoHistorySeed = 20_261_201;

const iso = (ms: number) => new Date(ms).toISOString();

function historySiteOf(setup: SiteSetup): DemoHistorySite {
  // Everything in id order: the engines list rows of equal sort order differently, and the history
  // must be the same on both.
  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    timeZone: setup.site.timeZone,
    noShowGraceSeconds: setup.site.noShowGraceSeconds,
    escalationGroups: setup.site.escalationGroups,
    queues: byId(setup.queues).map((q) => ({ id: q.id, prefix: q.prefix })),
    categories: byId(setup.categories).flatMap((c) => (c.queueId ? [{ id: c.id, queueId: c.queueId, priority: c.priority, expectedServiceSeconds: c.expectedServiceSeconds }] : [])),
    deskIds: byId(setup.desks).map((d) => d.id),
    technicians: byId(setup.technicians).map((t) => ({ id: t.id, queueIds: [...t.queueIds].sort() })),
  };
}

/**
 * Gives the freshly seeded demo site six weeks of past visits, so the Manager tab's reports, the
 * staffing forecast and the wait estimator have something to show on a first start. The past is
 * appended to the event log like live visits' (with their past times), beside the visit rows as the
 * use cases leave them, in one transaction; the report reader and the estimator's learners then
 * derive everything from the log as they do for real visits. The ITSM and notification workers'
 * cursors are moved past it in the same transaction: an operator who connects an ITSM or turns
 * notifications on later gets no tickets or messages for invented visits.
 *
 * Does nothing (returns null) when the database already holds visits or has no demo site.
 */
export async function seedDemoHistory(db: Db, now: Date): Promise<{ visits: number; events: number } | null> {
  return db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('visits').select('id').limit(1).executeTakeFirst()) return null;
    if (!(await trx.selectFrom('sites').select('id').where('id', '=', demoHistorySiteId).executeTakeFirst())) return null;
    const setup = await loadSiteSetup(trx, demoHistorySiteId);
    const plan = planDemoHistory(historySiteOf(setup), { today: serviceDay(now, setup.site.timeZone), days: demoHistoryDays, seed: demoHistorySeed });
    // In bulk: a row or an event at a time took 20 s on PostgreSQL (a round trip each).
    for (const rows of chunks(plan.visits.map((v) => visitRow(setup, v)))) await trx.insertInto('visits').values(rows).execute();
    const events = plan.events.map((e) => ({ type: e.type, visitId: e.visitId, at: iso(e.atMs), data: e.data }) as NewSiteEvent);
    const { lastId: lastEventId } = await appendEventBatch(trx, demoHistorySiteId, events);
    const ratings = plan.visits.flatMap((v) => (v.feedback ? [{ visit_id: v.id, site_id: demoHistorySiteId, score: v.feedback.score, given_at: iso(v.feedback.atMs) }] : []));
    for (const rows of chunks(ratings)) await trx.insertInto('visit_feedback').values(rows).execute();
    const counters = plan.ticketCounters.map((c) => ({ queue_id: c.queueId, service_day: c.serviceDay, last_number: c.lastNumber }));
    for (const rows of chunks(counters)) await trx.insertInto('ticket_counters').values(rows).execute();
    await recordLastPresence(trx, plan.events);
    // Past visits are history for the reports and the estimator only: nothing to deliver for them.
    await writeCursor(trx, itsmCursorName, lastEventId);
    await writeCursor(trx, notificationCursorName, lastEventId);
    return { visits: plan.visits.length, events: plan.events.length };
  });
}

/** The visit's row as its check-in, calls, transfers and ending left it. */
function visitRow(setup: SiteSetup, visit: PlannedVisit): Insertable<VisitsTable> {
  const category = setup.categories.find((c) => c.id === visit.categoryId)!;
  const queue = setup.queues.find((q) => q.id === visit.queueIdAtCheckIn)!;
  const end = visit.end!;
  const at = (ms: number | null) => (ms === null ? null : iso(ms));
  return {
    id: visit.id,
    site_id: demoHistorySiteId,
    queue_id: end.queueId,
    category_id: visit.categoryId,
    ticket_number: visit.ticketNumber,
    service_day: visit.serviceDay,
    priority: visit.priority,
    state: end.state,
    visitor_kind: visit.visitor.kind,
    visitor_name: visit.visitor.name ?? null,
    visitor_email: visit.visitor.email ?? null,
    visitor_employee_id: null,
    visitor_badge_id: null,
    note: null,
    checked_in_at: iso(visit.checkedInAtMs),
    called_at: at(end.calledAtMs),
    started_at: at(end.startedAtMs),
    ended_at: iso(end.endedAtMs),
    desk_id: end.deskId,
    technician_id: end.technicianId,
    call_count: end.callCount,
    estimate_at_join_seconds: visit.estimateSeconds,
    estimate_at_join_low: null,
    estimate_at_join_high: null,
    itsm_state: 'pending',
    itsm_remote_id: null,
    itsm_ticket_number: null,
    itsm_ticket_url: null,
    itsm_error: null,
    // The labels as the visitor saw them, as a check-in keeps them.
    category_label: JSON.stringify(category.label),
    queue_name: JSON.stringify(queue.name),
    call_order_at: null,
    appointment_id: null,
    appointment_at: null,
    visitor_language: null,
    on_the_way: 0,
  };
}

/** Rows per insert: well under either engine's limit on bound parameters (visits have 40 columns). */
function chunks<T>(rows: readonly T[], size = 200): T[][] {
  return Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));
}

/** Each technician's presence as their last change left it (off, at the end of the last day). */
async function recordLastPresence(trx: Db, events: readonly PlannedEvent[]): Promise<void> {
  const last = new Map<string, { deskId: string | null; status: 'available' | 'break' | 'off'; atMs: number }>();
  for (const event of events) if (event.type === 'technician.presence_changed') last.set(event.data.technicianId, { ...event.data, atMs: event.atMs });
  for (const [technicianId, presence] of last) await upsertPresence(trx, demoHistorySiteId, { technicianId, deskId: presence.deskId, status: presence.status, since: iso(presence.atMs) });
}
