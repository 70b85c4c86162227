import { kioskCancelWindowSeconds, type Visit } from '@walkup/domain';
import { ForbiddenError } from '../auth/auth-errors.ts';
import { findKioskCheckIn } from '../queries/kiosk-check-ins.ts';
import { findVisitRow } from '../queries/visits.ts';
import type { UseCaseDeps } from './deps.ts';
import { cancelVisit } from './visit-actions.ts';

/**
 * Public screens carry every visit id, so a kiosk token must not be a licence to cancel other people's
 * tickets: a kiosk cancels only the visit it has just created, while its ticket screen is showing.
 */
export async function cancelVisitFromKiosk(deps: UseCaseDeps, visitId: string, deviceId: string, reason: string | null): Promise<Visit> {
  const row = await findVisitRow(deps.db, visitId);
  const created = await findKioskCheckIn(deps.db, visitId);
  if (!created || created.deviceId !== deviceId) {
    throw new ForbiddenError('not_this_kiosks_visit', `this kiosk did not create ticket ${row.ticket_number}; a technician can cancel it at the desk`);
  }
  const elapsedSeconds = (deps.now().getTime() - Date.parse(created.checkedInAt)) / 1000;
  if (elapsedSeconds > kioskCancelWindowSeconds) {
    throw new ForbiddenError(
      'kiosk_cancel_window_passed',
      `ticket ${row.ticket_number} was taken ${Math.floor(elapsedSeconds)} s ago; a kiosk may cancel only within ${kioskCancelWindowSeconds} s, later a technician cancels it at the desk`,
    );
  }
  return cancelVisit(deps, visitId, reason);
}
