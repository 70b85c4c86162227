import { ConflictError, InvalidInputError, NotFoundError } from '@walkup/domain';
import { hashToken, randomToken } from '../auth/tokens.ts';
import { findSite } from '../queries/sites.ts';
import { loadBookingContext } from './appointment-rules.ts';
import { bookingMessages, formatAppointmentTime } from './appointment-mail.ts';
import { bookAppointment, type AppointmentDeps, type BookedAppointment } from './book-appointment.ts';
import type { NoticeDeps } from './appointment-notices.ts';
import { requireEmailIdentification, type SsoAvailability } from '../visitor-sso/visitor-identification.ts';

/** How long the one-time link of a self-booking stays valid. */
const requestLifetimeMs = 30 * 60_000;

export interface BookingRequest {
  siteId: string;
  categoryId: string;
  startsAt: string;
  name: string;
  email: string;
  language: string;
}

/**
 * A visitor without an account books in two steps: the request sends a one-time link to the email
 * given, and opening it books the slot. The slot is checked at both steps; nothing is held meanwhile,
 * so a slot taken in between gets a clear 409 and the page offers the next free times.
 */
export async function requestBooking(deps: AppointmentDeps & NoticeDeps & SsoAvailability, request: BookingRequest): Promise<{ sentTo: string; expiresAt: string }> {
  const context = await loadBookingContext(deps.db, request.siteId, request.categoryId, deps.closuresOf);
  await requireEmailIdentification(deps.db, deps, request.siteId, context.setup.site.name);
  if (!context.setup.site.languages.includes(request.language)) {
    throw new InvalidInputError('language_unsupported', `language '${request.language}' is not offered at this site (${context.setup.site.languages.join(', ')})`);
  }
  const token = randomToken();
  const expiresAt = new Date(deps.now().getTime() + requestLifetimeMs).toISOString();
  const email = request.email.toLowerCase();
  await deps.db
    .insertInto('appointment_requests')
    .values({
      token_hash: hashToken(token),
      site_id: request.siteId,
      category_id: request.categoryId,
      starts_at: new Date(request.startsAt).toISOString(),
      visitor_name: request.name.trim(),
      visitor_email: email,
      language: request.language,
      expires_at: expiresAt,
      used_at: null,
    })
    .execute();
  const texts = bookingMessages(request.language);
  const facts = {
    siteName: context.setup.site.name,
    reason: context.category.label[request.language] ?? context.category.id,
    when: formatAppointmentTime(request.startsAt, context.setup.site.timeZone, request.language),
    link: deps.links.confirm(token),
  };
  await deps.sendMail({ to: email, subject: texts.confirmSubject(facts), text: texts.confirmText(facts) });
  return { sentTo: email, expiresAt };
}

/** Opening the link books the slot, once; a second opening says the link was used. */
export async function confirmBooking(deps: AppointmentDeps, token: string): Promise<BookedAppointment> {
  const tokenHash = hashToken(token);
  const request = await deps.db.selectFrom('appointment_requests').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  if (!request) throw new NotFoundError('booking_request', 'this link');
  if (request.used_at) throw new ConflictError('link_used', 'this link was already used: your appointment is booked, see the confirmation email');
  if (request.expires_at < deps.now().toISOString()) throw new ConflictError('link_expired', 'this link has expired; book again');
  await findSite(deps.db, request.site_id);
  const booked = await bookAppointment(deps, {
    siteId: request.site_id,
    categoryId: request.category_id,
    startsAt: request.starts_at,
    person: { name: request.visitor_name, email: request.visitor_email },
    language: request.language,
    bookedBy: 'visitor',
  });
  await deps.db.updateTable('appointment_requests').set({ used_at: deps.now().toISOString() }).where('token_hash', '=', tokenHash).execute();
  return booked;
}
