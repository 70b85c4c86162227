import { ConflictError, DomainError, nextVisitState, pickNextCallableVisit, type Visit } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import { findCurrentVisitOfTechnician, findVisitRow, listWaitingInQueues, toVisit, updateVisitIfState } from '../queries/visits.ts';
import { commitChange } from './commit-change.ts';
import type { UseCaseDeps } from './deps.ts';
import { requireSeatedTechnician } from './technician-context.ts';
import { findVisitorSettings } from '../visitor/visitor-settings.ts';

async function rejectIfBusy(db: Db, technicianId: string): Promise<void> {
  const current = await findCurrentVisitOfTechnician(db, technicianId);
  if (current) {
    throw new ConflictError('technician_busy', `finish ticket ${current.ticket_number} (resolve, transfer, escalate or no-show) before calling someone else`);
  }
}

/** A desk that loses a visitor to another desk picks again; only a long losing streak reaches the technician. */
const callNextAttempts = 5;

/**
 * Calls the next visitor for a desk: highest priority first, then longest wait, across every queue the
 * technician serves. Returns null when nobody waits. The choice and the claim happen in one
 * transaction with a compare-and-set, so two desks pressing at once never get the same person. On
 * PostgreSQL two instances' transactions run side by side: the loser's compare-and-set waits for the
 * winner's commit, then finds the visitor taken, and picks again from a fresh read (each statement
 * sees the latest commits), so its technician gets the next person instead of an error.
 */
export async function callNextVisitor(deps: UseCaseDeps, deskId: string, technicianId: string): Promise<Visit | null> {
  return commitChange(deps, async (trx, append, at) => {
    const { technician, desk } = await requireSeatedTechnician(trx, technicianId, deskId);
    await rejectIfBusy(trx, technicianId);
    const settings = await findVisitorSettings(trx, desk.siteId);
    for (let attempt = 1; ; attempt++) {
      const waiting = (await listWaitingInQueues(trx, technician.queueIds)).filter((v) => v.site_id === desk.siteId);
      // Visitors who asked for more time are stepped over until it runs out, and those on the way
      // until they arrive (unless the site calls them wherever they are), keeping their place.
      const chosen = pickNextCallableVisit(
        waiting.map((v) => ({
          id: v.id,
          queueId: v.queue_id,
          priority: v.priority,
          checkedInAt: v.checked_in_at,
          callOrderAt: v.call_order_at,
          awayUntil: v.away_until,
          onTheWay: v.on_the_way === 1,
        })),
        technician.queueIds,
        Date.parse(at),
        undefined,
        { callOnlyArrived: settings.callOnlyArrived },
      );
      if (!chosen) return null;
      const claimed = await updateVisitIfState(trx, chosen.id, 'waiting', {
        state: 'called',
        called_at: at,
        desk_id: deskId,
        technician_id: technicianId,
        call_count: 1,
        away_until: null,
      });
      if (!claimed) {
        if (attempt < callNextAttempts) continue;
        throw new ConflictError('visit_taken', 'another desk called this visitor at the same moment; call next again');
      }
      await append({ siteId: desk.siteId, type: 'visit.called', visitId: chosen.id, data: { deskId, technicianId, outOfOrder: false } });
      return toVisit(await findVisitRow(trx, chosen.id));
    }
  });
}

/** Calls one particular waiting visitor out of order (an appointment, someone the technician knows is quick). */
export async function callSpecificVisitor(deps: UseCaseDeps, visitId: string, deskId: string, technicianId: string): Promise<Visit> {
  return commitChange(deps, async (trx, append, at) => {
    const { technician, desk } = await requireSeatedTechnician(trx, technicianId, deskId);
    const row = await findVisitRow(trx, visitId);
    if (row.site_id !== desk.siteId) throw new ConflictError('other_site', `visit ${row.ticket_number} is at another site than ${desk.name}`);
    // Technicians serve the queues assigned to them; someone else's queue needs a transfer first.
    if (!technician.queueIds.includes(row.queue_id)) {
      throw new DomainError('forbidden', 'not_your_queue', `${technician.name} does not serve the queue of ticket ${row.ticket_number}; transfer it to one of their queues first`);
    }
    nextVisitState('call', row.state as Visit['state']);
    await rejectIfBusy(trx, technicianId);
    const claimed = await updateVisitIfState(trx, visitId, 'waiting', {
      state: 'called',
      called_at: at,
      desk_id: deskId,
      technician_id: technicianId,
      call_count: 1,
      away_until: null,
    });
    if (!claimed) throw new ConflictError('visit_taken', `ticket ${row.ticket_number} was just called by another desk`);
    await append({ siteId: desk.siteId, type: 'visit.called', visitId, data: { deskId, technicianId, outOfOrder: true } });
    return toVisit(await findVisitRow(trx, visitId));
  });
}
