import { publicVisitorLabel, type ActiveVisitView, type SiteEvent, type SiteView } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import type { VisitRow } from '../db/schema.ts';
import type { SiteEstimates } from '../live/estimate-service.ts';
import { listSitePresence } from '../queries/presence.ts';
import { loadSiteSetup } from '../queries/sites.ts';
import { listActiveVisitRows, toVisit } from '../queries/visits.ts';
import type { UseCaseDeps } from './deps.ts';

/** Who a view is for: staff see names and notes; public screens (wall displays, kiosks) never do. */
export type Audience = 'staff' | 'public';

function toVisitView(row: VisitRow, audience: Audience, showNames: boolean): ActiveVisitView {
  const visit = toVisit(row);
  const base: ActiveVisitView = {
    id: visit.id,
    ticketNumber: visit.ticketNumber,
    queueId: visit.queueId,
    categoryId: visit.categoryId,
    state: visit.state,
    priority: visit.priority,
    checkedInAt: visit.checkedInAt,
    calledAt: visit.calledAt,
    startedAt: visit.startedAt,
    deskId: visit.deskId,
    technicianId: visit.technicianId,
    callCount: visit.callCount,
    visitorName: audience === 'staff' ? (visit.visitor.name ?? null) : publicVisitorLabel(visit.visitor, showNames),
  };
  if (audience === 'public') return base;
  return {
    ...base,
    visitor: visit.visitor,
    note: visit.note,
    itsm: { state: row.itsm_state as NonNullable<ActiveVisitView['itsm']>['state'], ticketNumber: row.itsm_ticket_number, ticketUrl: row.itsm_ticket_url, error: row.itsm_error },
  };
}

/**
 * Reads a consistent view and its estimate inputs in one transaction, so seq and rows match exactly;
 * the estimator runs after the transaction, which never waits on the estimator thread.
 */
export async function loadSiteSnapshot(
  deps: Pick<UseCaseDeps, 'db' | 'estimates'>,
  siteId: string,
  audience: Audience,
): Promise<{ view: SiteView; estimates: SiteEstimates }> {
  const { view, inputs } = await deps.db.transaction().execute(async (trx: Db) => {
    const setup = await loadSiteSetup(trx, siteId);
    const [rows, presence, inputs] = await Promise.all([
      listActiveVisitRows(trx, siteId),
      listSitePresence(trx, siteId),
      deps.estimates.readInputs(trx, siteId),
    ]);
    const view: SiteView = {
      siteId,
      seq: inputs.seq,
      queues: setup.queues.map((q) => ({ id: q.id, prefix: q.prefix, name: q.name })),
      desks: setup.desks.map((desk) => {
        const seated = presence.find((p) => p.deskId === desk.id && p.status !== 'off');
        return { id: desk.id, name: desk.name, technicianId: seated?.technicianId ?? null, status: seated?.status ?? 'off' };
      }),
      visits: rows.map((row) => toVisitView(row, audience, setup.site.showNamesOnDisplay)),
    };
    return { view, inputs };
  });
  return { view, estimates: await deps.estimates.compute(inputs) };
}

/**
 * The same event as staff see it, minus personal data: public screens get the ticket number and at
 * most "Marie D." when the site allows names on displays.
 */
export function redactEventForPublic(event: SiteEvent, showNames: boolean): SiteEvent {
  switch (event.type) {
    case 'visit.checked_in': {
      const label = publicVisitorLabel(event.data.visitor, showNames);
      return { ...event, data: { ...event.data, visitor: { kind: event.data.visitor.kind, ...(label ? { name: label } : {}) }, note: null } };
    }
    // Free text written by technicians may name people or problems: public screens get none of it.
    case 'visit.resolved':
      return { ...event, data: { ...event.data, note: '' } };
    case 'visit.escalated':
      return { ...event, data: { ...event.data, note: null } };
    case 'visit.transferred':
      return { ...event, data: { ...event.data, reason: null } };
    case 'visit.cancelled':
      return { ...event, data: { ...event.data, reason: null } };
    case 'visit.itsm_synced':
      return { ...event, data: { state: event.data.state, ticketNumber: null, ticketUrl: null, error: null } };
    default:
      return event;
  }
}
