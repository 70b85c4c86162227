import { DomainError } from '@walkup/domain';
import { findDirectoryPersonByIdentifier } from '../queries/directory.ts';
import type { UseCaseDeps } from '../use-cases/deps.ts';
import { createFeedbackLink } from './feedback-links.ts';

/** A visitor passing the kiosk on the way out: their visit resolved within these hours may be rated there. */
export const kioskFeedbackHours = 8;
/** The kiosk's token only has to outlive one tap (and a comment typed on a touchscreen). */
export const kioskFeedbackTokenMinutes = 10;

/**
 * "How did it go?" at the kiosk: the badge, employee id or email scanned finds this person's latest
 * visit at this site resolved in the last hours and not rated yet, and returns a short-lived token
 * for that visit's feedback only. The kiosk learns the ticket number, nothing about the visit.
 */
export async function openKioskFeedback(deps: UseCaseDeps, siteId: string, identifier: string): Promise<{ ticketNumber: string; feedbackToken: string }> {
  const value = identifier.trim();
  const match = await findDirectoryPersonByIdentifier(deps.db, value);
  // A guest who gave an email is not in the directory: the email typed is their key.
  const email = match?.person.email ?? (value.includes('@') ? value.toLowerCase() : null);
  const badgeId = match?.person.badgeId ?? null;
  const employeeId = match?.person.employeeId ?? null;
  if (!email && !badgeId && !employeeId) throw nothingToRate();
  const now = deps.now();
  const since = new Date(now.getTime() - kioskFeedbackHours * 3600_000).toISOString();
  const visit = await deps.db
    .selectFrom('visits')
    .leftJoin('visit_feedback', 'visit_feedback.visit_id', 'visits.id')
    .select(['visits.id', 'visits.ticket_number'])
    .where('visits.site_id', '=', siteId)
    .where('visits.state', '=', 'resolved')
    .where('visits.ended_at', '>=', since)
    .where('visit_feedback.visit_id', 'is', null)
    .where((eb) =>
      eb.or([
        ...(email ? [eb('visits.visitor_email', '=', email)] : []),
        ...(badgeId ? [eb('visits.visitor_badge_id', '=', badgeId)] : []),
        ...(employeeId ? [eb('visits.visitor_employee_id', '=', employeeId)] : []),
      ]),
    )
    .orderBy('visits.ended_at', 'desc')
    .executeTakeFirst();
  if (!visit) throw nothingToRate();
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + kioskFeedbackTokenMinutes * 60_000).toISOString();
  const feedbackToken = await createFeedbackLink(deps.db, { visitId: visit.id, siteId, purpose: 'kiosk', at, expiresAt });
  return { ticketNumber: visit.ticket_number, feedbackToken };
}

function nothingToRate(): DomainError {
  return new DomainError('not_found', 'no_visit_to_rate', `no visit resolved here in the last ${kioskFeedbackHours} hours is waiting for feedback from this person`);
}
