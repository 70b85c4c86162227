import { positionInQueue, requireOnTheWay, type VisitState } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import { findKioskCheckIn, insertKioskCheckIn } from '../queries/kiosk-check-ins.ts';
import { findVisitRow } from '../queries/visits.ts';
import { commitChange, type AppendEvent } from '../use-cases/commit-change.ts';
import type { CheckInResult } from '../use-cases/check-in.ts';
import type { UseCaseDeps } from '../use-cases/deps.ts';
import { createVisitorLink, visitorLinkPath } from '../visitor/visitor-access.ts';

/**
 * Records that a visitor on the way is here, once: a compare-and-set on the flag, so an "I'm here"
 * tap and a kiosk scan landing together append one arrival, and the loser hears it already happened.
 */
async function recordArrival(trx: Db, append: AppendEvent, visitId: string, via: 'phone' | 'kiosk') {
  const row = await findVisitRow(trx, visitId);
  requireOnTheWay({ state: row.state as VisitState, ticketNumber: row.ticket_number, onTheWay: row.on_the_way === 1 });
  const result = await trx.updateTable('visits').set({ on_the_way: 0 }).where('id', '=', visitId).where('on_the_way', '=', 1).executeTakeFirst();
  requireOnTheWay({ state: row.state as VisitState, ticketNumber: row.ticket_number, onTheWay: Number(result.numUpdatedRows) === 1 });
  await append({ siteId: row.site_id, type: 'visit.arrived', visitId, data: { via } });
  return row;
}

/** "I'm here" on the phone page, near the kiosk: the visitor may be called from now on. */
export async function arriveFromPhone(deps: UseCaseDeps, visitId: string): Promise<void> {
  await commitChange(deps, (trx, append) => recordArrival(trx, append, visitId, 'phone'));
}

/**
 * A visitor on the way identified at the kiosk: the arrival is recorded and the kiosk shows their
 * existing ticket (with a fresh phone link for its QR code, and the kiosk's short right to cancel it).
 */
export async function welcomeAtKiosk(deps: UseCaseDeps, visitId: string, kioskDeviceId: string): Promise<CheckInResult> {
  const arrived = await commitChange(deps, async (trx, append, at) => {
    const row = await recordArrival(trx, append, visitId, 'kiosk');
    if (!(await findKioskCheckIn(trx, visitId))) await insertKioskCheckIn(trx, { visitId, deviceId: kioskDeviceId, checkedInAt: at });
    const visitorLink = visitorLinkPath(await createVisitorLink(trx, { visitId, siteId: row.site_id }, at));
    return { row, visitorLink };
  });
  const view = await deps.views.view(arrived.row.site_id);
  const estimates = await deps.estimates.forView(view);
  return {
    id: visitId,
    ticketNumber: arrived.row.ticket_number,
    queueId: arrived.row.queue_id,
    position: positionInQueue(view, visitId) ?? 0,
    estimate: estimates.visits[visitId] ?? null,
    visitorLink: arrived.visitorLink,
    arrived: true,
  };
}
