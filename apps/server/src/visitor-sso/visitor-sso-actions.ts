import { InvalidInputError, type VisitorIdentity } from '@walkup/domain';
import type { SiteSettings } from '../queries/sites.ts';
import { bookAppointment, type BookedAppointment } from '../appointments/book-appointment.ts';
import type { AppointmentRouteDeps } from '../appointments/visitor-appointment-routes.ts';
import { requireRemoteCheckIn, type RemoteCheckInDeps } from '../remote-check-in/remote-check-in-requests.ts';
import { checkInVisitor } from '../use-cases/check-in.ts';
import { loadBookingContext } from '../appointments/appointment-rules.ts';
import { requireSsoIdentification, type SsoAvailability } from './visitor-identification.ts';
import { actAsVisitor, type VisitorSsoPerson } from './visitor-sso-identities.ts';

export interface SsoCheckIn {
  siteId: string;
  categoryId: string;
  language: string;
}

export interface SsoBooking extends SsoCheckIn {
  startsAt: string;
}

function requireLanguage(site: Pick<SiteSettings, 'languages'>, language: string): void {
  if (!site.languages.includes(language)) throw new InvalidInputError('language_unsupported', `language '${language}' is not offered at this site (${site.languages.join(', ')})`);
}

/** The provider's email when there is one (the usual key at the kiosk too), else the employee id. */
function visitorOf(person: VisitorSsoPerson): VisitorIdentity {
  const employeeId = person.employeeId ?? undefined;
  return person.email ? { kind: 'email', email: person.email, name: person.name, employeeId } : { kind: 'employee_id', employeeId, name: person.name };
}

/**
 * A remote check-in by single sign-on: the provider proved who the person is, so the visit is made at
 * once, "on the way", with the same checks as the emailed link (site open, a leaf reason, not already
 * in the queue by email or employee id).
 */
export async function checkInWithSso(deps: RemoteCheckInDeps & SsoAvailability, token: string | undefined, command: SsoCheckIn): Promise<{ visitorLink: string; ticketNumber: string }> {
  return actAsVisitor(deps.db, token, deps.now(), command.siteId, 'check-in', async (person) => {
    const setup = await requireRemoteCheckIn(deps, command.siteId);
    await requireSsoIdentification(deps.db, deps, command.siteId, setup.site.name);
    requireLanguage(setup.site, command.language);
    const result = await checkInVisitor(deps, {
      siteId: command.siteId,
      categoryId: command.categoryId,
      visitor: visitorOf(person),
      onTheWay: true,
      ...(command.language === 'en' || command.language === 'fr' ? { language: command.language } : {}),
    });
    return { visitorLink: result.visitorLink, ticketNumber: result.ticketNumber };
  });
}

/** A self-booking by single sign-on: booked at once, with the rules of the emailed link (one booking per person). */
export async function bookWithSso(deps: AppointmentRouteDeps & SsoAvailability, token: string | undefined, command: SsoBooking): Promise<BookedAppointment> {
  return actAsVisitor(deps.db, token, deps.now(), command.siteId, 'booking', async (person) => {
    const context = await loadBookingContext(deps.db, command.siteId, command.categoryId, deps.closuresOf);
    await requireSsoIdentification(deps.db, deps, command.siteId, context.setup.site.name);
    return bookAppointment(deps, {
      siteId: command.siteId,
      categoryId: command.categoryId,
      startsAt: command.startsAt,
      person: { name: person.name, email: person.email, employeeId: person.employeeId },
      language: command.language,
      bookedBy: 'visitor',
    });
  });
}
