import { serviceDay } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import { cursorName as itsmCursorName } from '../itsm/delivery-store.ts';
import { cursorName as notificationCursorName } from '../notifications/decide-notifications.ts';
import { appendEvent, writeCursor } from '../queries/events.ts';
import { upsertPresence } from '../queries/presence.ts';
import { loadSiteSetup, type SiteSetup } from '../queries/sites.ts';
import { insertVisit } from '../queries/visits.ts';
import { planDemoHistory, type DemoHistorySite, type PlannedVisit } from './demo-history-plan.ts';

/** The demo seed's site, and how far back its past goes: the staffing forecast learns from six weeks. */
export const demoHistorySiteId = 'hq';
export const demoHistoryDays = 42;
const demoHistorySeed = 20_261_201;

const iso = (ms: number) => new Date(ms).toISOString();

function historySiteOf(setup: SiteSetup): DemoHistorySite {
  return {
    timeZone: setup.site.timeZone,
    noShowGraceSeconds: setup.site.noShowGraceSeconds,
    escalationGroups: setup.site.escalationGroups,
    queues: setup.queues.map((q) => ({ id: q.id, prefix: q.prefix })),
    categories: setup.categories.flatMap((c) => (c.queueId ? [{ id: c.id, queueId: c.queueId, priority: c.priority, expectedServiceSeconds: c.expectedServiceSeconds }] : [])),
    deskIds: setup.desks.map((d) => d.id),
    technicians: setup.technicians.map((t) => ({ id: t.id, queueIds: t.queueIds })),
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
    const visits = new Map(plan.visits.map((v) => [v.id, v]));
    let lastEventId = 0;
    for (const event of plan.events) {
      if (event.type === 'visit.checked_in') await insertVisit(trx, checkedInRow(setup, visits.get(event.visitId!)!));
      const stored = await appendEvent(trx, { siteId: demoHistorySiteId, type: event.type, visitId: event.visitId, at: iso(event.atMs), data: event.data } as Parameters<typeof appendEvent>[1]);
      lastEventId = stored.id;
    }
    for (const visit of plan.visits) await recordEnd(trx, visit);
    const ratings = plan.visits.flatMap((v) => (v.feedback ? [{ visit_id: v.id, site_id: demoHistorySiteId, score: v.feedback.score, given_at: iso(v.feedback.atMs) }] : []));
    if (ratings.length > 0) await trx.insertInto('visit_feedback').values(ratings).execute();
    const counters = plan.ticketCounters.map((c) => ({ queue_id: c.queueId, service_day: c.serviceDay, last_number: c.lastNumber }));
    if (counters.length > 0) await trx.insertInto('ticket_counters').values(counters).execute();
    await recordLastPresence(trx, plan.events);
    // Past visits are history for the reports and the estimator only: nothing to deliver for them.
    await writeCursor(trx, itsmCursorName, lastEventId);
    await writeCursor(trx, notificationCursorName, lastEventId);
    return { visits: plan.visits.length, events: plan.events.length };
  });
}

/** The row a check-in writes. */
function checkedInRow(setup: SiteSetup, visit: PlannedVisit): Parameters<typeof insertVisit>[1] {
  const category = setup.categories.find((c) => c.id === visit.categoryId)!;
  const queue = setup.queues.find((q) => q.id === visit.queueIdAtCheckIn)!;
  return {
    id: visit.id,
    site_id: demoHistorySiteId,
    queue_id: visit.queueIdAtCheckIn,
    category_id: visit.categoryId,
    ticket_number: visit.ticketNumber,
    service_day: visit.serviceDay,
    priority: visit.priority,
    state: 'waiting',
    visitor_kind: visit.visitor.kind,
    visitor_name: visit.visitor.name ?? null,
    visitor_email: visit.visitor.email ?? null,
    visitor_employee_id: null,
    visitor_badge_id: null,
    note: null,
    checked_in_at: iso(visit.checkedInAtMs),
    call_count: 0,
    estimate_at_join_seconds: visit.estimateSeconds,
    estimate_at_join_low: null,
    estimate_at_join_high: null,
    itsm_state: 'pending',
    category_label: JSON.stringify(category.label),
    queue_name: JSON.stringify(queue.name),
    call_order_at: null,
    appointment_id: null,
    appointment_at: null,
    visitor_language: null,
    on_the_way: 0,
  };
}

/** The columns the visit's calls, transfers and ending changed. */
async function recordEnd(trx: Db, visit: PlannedVisit): Promise<void> {
  const end = visit.end!;
  const at = (ms: number | null) => (ms === null ? null : iso(ms));
  await trx
    .updateTable('visits')
    .set({
      state: end.state,
      queue_id: end.queueId,
      called_at: at(end.calledAtMs),
      started_at: at(end.startedAtMs),
      ended_at: iso(end.endedAtMs),
      desk_id: end.deskId,
      technician_id: end.technicianId,
      call_count: end.callCount,
    })
    .where('id', '=', visit.id)
    .execute();
}

/** Each technician's presence as their last change left it (off, at the end of the last day). */
async function recordLastPresence(trx: Db, events: ReturnType<typeof planDemoHistory>['events']): Promise<void> {
  const last = new Map<string, { deskId: string | null; status: 'available' | 'break' | 'off'; atMs: number }>();
  for (const event of events) if (event.type === 'technician.presence_changed') last.set(event.data.technicianId, { ...event.data, atMs: event.atMs });
  for (const [technicianId, presence] of last) await upsertPresence(trx, demoHistorySiteId, { technicianId, deskId: presence.deskId, status: presence.status, since: iso(presence.atMs) });
}
