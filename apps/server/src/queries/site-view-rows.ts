import type { ActiveVisitView, SiteView } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import type { VisitRow } from '../db/schema.ts';
import { listSitePresence } from './presence.ts';
import { loadSiteSetup } from './sites.ts';
import { listActiveVisitRows, toVisit } from './visits.ts';
import { findSiteBroadcast } from '../broadcast/site-broadcasts.ts';

function toStaffVisitView(row: VisitRow): ActiveVisitView {
  const visit = toVisit(row);
  return {
    id: visit.id,
    ticketNumber: visit.ticketNumber,
    queueId: visit.queueId,
    categoryId: visit.categoryId,
    state: visit.state,
    priority: visit.priority,
    checkedInAt: visit.checkedInAt,
    ...(row.call_order_at ? { callOrderAt: row.call_order_at } : {}),
    ...(row.appointment_at ? { appointmentAt: row.appointment_at } : {}),
    calledAt: visit.calledAt,
    startedAt: visit.startedAt,
    deskId: visit.deskId,
    technicianId: visit.technicianId,
    callCount: visit.callCount,
    awayUntil: row.away_until,
    awayMinutes: row.away_minutes,
    ...(row.on_the_way ? { onTheWay: true } : {}),
    visitorName: visit.visitor.name ?? null,
    visitor: visit.visitor,
    note: visit.note,
    itsm: { state: row.itsm_state as NonNullable<ActiveVisitView['itsm']>['state'], ticketNumber: row.itsm_ticket_number, ticketUrl: row.itsm_ticket_url, error: row.itsm_error },
  };
}

/**
 * A site's active visits, desks and event sequence as staff see them, read in one transaction so
 * that `seq` and the rows agree exactly; later events apply on top of it by sequence number.
 */
export async function readSiteView(db: Db, siteId: string): Promise<SiteView> {
  // Repeatable read: on PostgreSQL each statement of a read-committed transaction sees the commits
  // made meanwhile, and `seq` could disagree with the rows. SQLite's transactions are snapshots anyway.
  return db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
    const setup = await loadSiteSetup(trx, siteId);
    const [rows, presence, site, broadcast] = await Promise.all([
      listActiveVisitRows(trx, siteId),
      listSitePresence(trx, siteId),
      trx.selectFrom('sites').select('event_seq').where('id', '=', siteId).executeTakeFirstOrThrow(),
      findSiteBroadcast(trx, siteId),
    ]);
    return {
      siteId,
      seq: site.event_seq,
      queues: setup.queues.map((q) => ({ id: q.id, prefix: q.prefix, name: q.name })),
      desks: setup.desks.map((desk) => {
        const seated = presence.find((p) => p.deskId === desk.id && p.status !== 'off');
        return { id: desk.id, name: desk.name, technicianId: seated?.technicianId ?? null, status: seated?.status ?? 'off' };
      }),
      visits: rows.map(toStaffVisitView),
      broadcast,
    };
  });
}
