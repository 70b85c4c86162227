import { ConflictError, grantStepAway, isCallableNow, type VisitState } from '@walkup/domain';
import { findVisitRow, updateVisitIfState } from '../queries/visits.ts';
import { commitChange } from '../use-cases/commit-change.ts';
import type { UseCaseDeps } from '../use-cases/deps.ts';
import { findVisitorSettings } from './visitor-settings.ts';

/** "I need 10 more minutes": the visitor keeps their place and is skipped by call-next until then. */
export async function stepAway(deps: UseCaseDeps, visitId: string, minutes: number): Promise<void> {
  await commitChange(deps, async (trx, append, at) => {
    const row = await findVisitRow(trx, visitId);
    const settings = await findVisitorSettings(trx, row.site_id);
    const granted = grantStepAway({
      state: row.state as VisitState,
      grantedMinutes: row.away_minutes,
      awayUntil: row.away_until,
      limitMinutes: settings.stepAwayLimitMinutes,
      minutes,
      nowMs: Date.parse(at),
    });
    // Compare-and-set on the state: a call landing at the same moment wins, and this step fails.
    const applied = await updateVisitIfState(trx, visitId, 'waiting', { away_until: granted.awayUntil, away_minutes: granted.grantedMinutes });
    if (!applied) throw new ConflictError('visit_changed', `ticket ${row.ticket_number} was just called; go to the desk`);
    await append({ siteId: row.site_id, type: 'visit.stepped_away', visitId, data: { awayUntil: granted.awayUntil, minutes } });
  });
}

/** "I'm back": callable again at once, in the place they kept. */
export async function returnFromAway(deps: UseCaseDeps, visitId: string): Promise<void> {
  await commitChange(deps, async (trx, append, at) => {
    const row = await findVisitRow(trx, visitId);
    if (row.state !== 'waiting' || isCallableNow({ awayUntil: row.away_until }, Date.parse(at))) {
      throw new ConflictError('not_away', `ticket ${row.ticket_number} is not away; nothing to do`);
    }
    await updateVisitIfState(trx, visitId, 'waiting', { away_until: null });
    await append({ siteId: row.site_id, type: 'visit.returned', visitId, data: {} });
  });
}
