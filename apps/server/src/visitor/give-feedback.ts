import { ConflictError } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import { findVisitRow } from '../queries/visits.ts';
import { commitChange } from '../use-cases/commit-change.ts';
import type { UseCaseDeps } from '../use-cases/deps.ts';

/** Feedback is about a fresh experience: it closes this long after the resolution. */
export const feedbackWindowHours = 72;

export type FeedbackScore = 1 | 2 | 3;

/** Whether this visit can still take its one feedback, and why not. */
export async function feedbackState(db: Db, visitId: string, nowMs: number): Promise<{ open: boolean; reason: string | null; ticketNumber: string }> {
  const row = await findVisitRow(db, visitId);
  const given = await db.selectFrom('visit_feedback').select('visit_id').where('visit_id', '=', visitId).executeTakeFirst();
  const reason =
    row.state !== 'resolved'
      ? 'feedback opens once the visit is resolved'
      : given
        ? `feedback for ticket ${row.ticket_number} was already given; thank you`
        : nowMs - Date.parse(row.ended_at ?? row.checked_in_at) > feedbackWindowHours * 3600_000
          ? `feedback closes ${feedbackWindowHours} hours after the visit`
          : null;
  return { open: reason === null, reason, ticketNumber: row.ticket_number };
}

/**
 * One tap of three faces (and an optional comment) after a resolved visit: stored as the
 * `visit.feedback_given` event, linked to the technician and category; a second one is a 409.
 */
export async function giveFeedback(deps: UseCaseDeps, visitId: string, score: FeedbackScore, comment: string | null): Promise<void> {
  await commitChange(deps, async (trx, append, at) => {
    const state = await feedbackState(trx, visitId, Date.parse(at));
    if (!state.open) throw new ConflictError(state.reason?.includes('already') ? 'feedback_given' : 'feedback_closed', state.reason!);
    const row = await findVisitRow(trx, visitId);
    // The primary key makes a concurrent second feedback fail even across instances.
    await trx.insertInto('visit_feedback').values({ visit_id: visitId, site_id: row.site_id, score, given_at: at }).execute();
    await append({
      siteId: row.site_id,
      type: 'visit.feedback_given',
      visitId,
      data: { score, comment: comment?.trim() || null, technicianId: row.technician_id, categoryId: row.category_id },
    });
  });
}
