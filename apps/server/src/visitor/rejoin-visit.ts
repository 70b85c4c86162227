import { ConflictError, checkRejoin, rejoinOpenUntil, type ItsmSyncState, type VisitState } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import { findVisitRow, toVisit, updateVisitIfState } from '../queries/visits.ts';
import { rejectDuplicate } from '../use-cases/check-in.ts';
import { commitChange } from '../use-cases/commit-change.ts';
import type { UseCaseDeps } from '../use-cases/deps.ts';
import { findVisitorSettings } from './visitor-settings.ts';

/** Until when this visit (a no-show) may still rejoin, or null when it cannot (not a no-show, off, or over). */
export async function rejoinState(db: Db, visitId: string, nowMs: number): Promise<{ openUntil: string | null; graceMinutes: number }> {
  const row = await findVisitRow(db, visitId);
  const { rejoinGraceMinutes } = await findVisitorSettings(db, row.site_id);
  const until = rejoinOpenUntil({ state: row.state as VisitState, endedAt: row.ended_at, graceMinutes: rejoinGraceMinutes });
  return { openUntil: until && Date.parse(until) > nowMs ? until : null, graceMinutes: rejoinGraceMinutes };
}

/**
 * "I'm here now — rejoin": a visitor who missed their call comes back within the grace window and
 * waits again at the front (their original check-in time keeps their place). The visit is the same
 * one, so its ITSM ticket is the same: delivery keeps one ticket per visit and adds the later steps.
 */
export async function rejoinVisit(deps: UseCaseDeps, visitId: string): Promise<void> {
  await commitChange(deps, async (trx, append, at) => {
    const row = await findVisitRow(trx, visitId);
    const { rejoinGraceMinutes } = await findVisitorSettings(trx, row.site_id);
    const to = checkRejoin({ state: row.state as VisitState, endedAt: row.ended_at, graceMinutes: rejoinGraceMinutes, nowMs: Date.parse(at) });
    const visit = toVisit(row);
    // Checked in again at the kiosk meanwhile: that newer ticket is their place now.
    await rejectDuplicate(trx, row.site_id, visit.visitor);
    const applied = await updateVisitIfState(trx, visitId, 'no_show', {
      state: to,
      ended_at: null,
      called_at: null,
      started_at: null,
      desk_id: null,
      technician_id: null,
      away_until: null,
      // "I'm here now": a visitor called while still on the way (remote check-in) has arrived.
      on_the_way: 0,
    });
    if (!applied) throw new ConflictError('visit_changed', `ticket ${row.ticket_number} changed meanwhile; reload and try again`);
    await append({
      siteId: row.site_id,
      type: 'visit.rejoined',
      visitId,
      data: {
        queueId: visit.queueId,
        categoryId: visit.categoryId,
        ticketNumber: visit.ticketNumber,
        priority: visit.priority,
        checkedInAt: visit.checkedInAt,
        callCount: visit.callCount,
        awayMinutes: row.away_minutes,
        visitor: visit.visitor,
        note: visit.note,
        itsm: { state: row.itsm_state as ItsmSyncState, ticketNumber: row.itsm_ticket_number, ticketUrl: row.itsm_ticket_url, error: row.itsm_error },
      },
    });
  });
}
