import type { AppointmentRow } from '../db/schema.ts';
import type { SiteSetup } from '../queries/sites.ts';
import { appointmentCalendarFile } from './appointment-ics.ts';
import type { AppointmentLinks } from './appointment-links.ts';
import { bookingMessages, formatAppointmentTime, type BookingMailFacts, type SendMail } from './appointment-mail.ts';

export interface NoticeDeps {
  sendMail: SendMail;
  links: AppointmentLinks;
}

function factsOf(deps: NoticeDeps, setup: SiteSetup, row: AppointmentRow, manageToken: string | null): BookingMailFacts {
  const category = setup.categories.find((c) => c.id === row.category_id);
  const label = category?.label[row.language] ?? category?.label[setup.site.defaultLanguage] ?? row.category_id;
  return {
    language: row.language,
    siteName: setup.site.name,
    reason: label,
    when: formatAppointmentTime(row.starts_at, setup.site.timeZone, row.language),
    manageUrl: manageToken ? deps.links.manage(manageToken) : null,
    bookingUrl: deps.links.booking(setup.site.id),
    checkInCode: row.check_in_code,
  };
}

export function calendarFileOf(setup: SiteSetup, row: AppointmentRow, manageUrl: string | null, sequence: number): string {
  const facts = { siteName: setup.site.name, reason: setup.categories.find((c) => c.id === row.category_id)?.label[row.language] ?? row.category_id };
  return appointmentCalendarFile({
    appointmentId: row.id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    title: `${facts.siteName}: ${facts.reason}`,
    location: setup.site.name,
    description: `Check-in code: ${row.check_in_code}`,
    manageUrl,
    sequence,
    cancelled: row.state === 'cancelled',
  });
}

/** The confirmation with the calendar file, the manage link and the check-in code. */
export async function sendBookingConfirmation(deps: NoticeDeps, setup: SiteSetup, row: AppointmentRow, manageToken: string): Promise<void> {
  if (!row.visitor_email) return;
  const facts = factsOf(deps, setup, row, manageToken);
  const texts = bookingMessages(row.language);
  await deps.sendMail({
    to: row.visitor_email,
    subject: texts.bookedSubject(facts),
    text: texts.bookedText(facts),
    attachments: [{ filename: 'appointment.ics', content: calendarFileOf(setup, row, facts.manageUrl, 0), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }],
  });
}

export async function sendBookingReminder(deps: NoticeDeps, setup: SiteSetup, row: AppointmentRow): Promise<void> {
  if (!row.visitor_email) return;
  const facts = factsOf(deps, setup, row, null);
  const texts = bookingMessages(row.language);
  await deps.sendMail({ to: row.visitor_email, subject: texts.reminderSubject(facts), text: texts.reminderText(facts) });
}

export async function sendClosureCancellation(deps: NoticeDeps, setup: SiteSetup, row: AppointmentRow): Promise<void> {
  if (!row.visitor_email) return;
  const facts = factsOf(deps, setup, row, null);
  const texts = bookingMessages(row.language);
  await deps.sendMail({ to: row.visitor_email, subject: texts.closedSubject(facts), text: texts.closedText(facts) });
}
