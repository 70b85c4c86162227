import { randomUUID } from 'node:crypto';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  formatTicketNumber,
  positionInQueue,
  serviceDay,
  siteAvailability,
  type VisitorIdentity,
  type WaitEstimate,
} from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import { findDirectoryPerson } from '../queries/directory.ts';
import type { SiteSettings, SiteSetup } from '../queries/sites.ts';
import { takeNextTicketCounter } from '../queries/ticket-counters.ts';
import { insertVisit } from '../queries/visits.ts';
import { bookingTicketRef, findBookingTicket } from '../itsm/booking-ticket-store.ts';
import { recordTicket } from '../itsm/delivery-store.ts';
import { findBookingForCheckIn, markBookingArrived, placeArrival, type ArrivalPlacement } from '../appointments/appointment-arrival.ts';
import type { AppointmentRow } from '../db/schema.ts';
import { insertKioskCheckIn } from '../queries/kiosk-check-ins.ts';
import { createVisitorLink, visitorLinkPath } from '../visitor/visitor-access.ts';
import { welcomeAtKiosk } from '../remote-check-in/arrive.ts';
import { commitChange } from './commit-change.ts';
import type { UseCaseDeps } from './deps.ts';

export interface CheckInCommand {
  siteId: string;
  categoryId: string;
  visitor: VisitorIdentity;
  note?: string;
  /** The booking this visitor comes for, when checked in with its code; otherwise found by person. */
  appointment?: AppointmentRow;
  /** The kiosk checking the visitor in (none for staff): it may cancel this visit for a short while. */
  kioskDeviceId?: string;
  /** The language the visitor used on the kiosk; notifications are sent in it (site default otherwise). */
  language?: 'en' | 'fr';
  /** A remote check-in (a link or a poster): the visitor is "on the way" until they arrive. */
  onTheWay?: boolean;
}

export interface CheckInResult {
  id: string;
  ticketNumber: string;
  queueId: string;
  position: number;
  estimate: WaitEstimate | null;
  /** Set when the visitor came for a booking: its time, and whether it was kept or they came too late. */
  appointment?: { startsAt: string; kept: boolean };
  /** The visitor's own phone page (the ticket screen's QR code). */
  visitorLink: string;
  /** Set when a visitor on the way identified at the kiosk: this is their remote ticket, now arrived. */
  arrived?: boolean;
}

function requireIdentityFields(visitor: VisitorIdentity): void {
  const needed = { badge: 'badgeId', email: 'email', employee_id: 'employeeId', guest: 'name' } as const;
  const field = needed[visitor.kind];
  if (!visitor[field]?.trim()) throw new InvalidInputError('visitor_incomplete', `a ${visitor.kind.replace('_', ' ')} check-in needs visitor.${field}`);
}

/** Fills the name (and email) from the directory, so the console and the ITSM get a real caller. */
async function completeIdentity(db: Db, visitor: VisitorIdentity): Promise<VisitorIdentity> {
  // A guest's e-mail is kept (it makes them the ticket's requestor) and goes with the visit's other
  // personal data at retention/anonymisation time.
  if (visitor.kind === 'guest') return { kind: 'guest', name: visitor.name!.trim(), ...(visitor.email?.trim() ? { email: visitor.email.trim() } : {}) };
  const person = await findDirectoryPerson(db, visitor);
  if (!person) return visitor;
  return {
    ...visitor,
    name: visitor.name ?? person.name,
    email: visitor.email ?? person.email ?? undefined,
    employeeId: visitor.employeeId ?? person.employeeId ?? undefined,
  };
}

/**
 * Emails are stored, compared and sent on lower-cased: `Pat.Doe@Example.org` and `pat.doe@example.org`
 * are one person, whether or not the directory knows them.
 */
function withNormalisedEmail(visitor: VisitorIdentity): VisitorIdentity {
  const email = visitor.email?.trim().toLowerCase();
  return email ? { ...visitor, email } : visitor;
}

/** The active visit at this site of the person with any of these identifiers, if there is one. */
export async function findActiveVisitOf(trx: Db, siteId: string, visitor: VisitorIdentity): Promise<{ id: string; ticket_number: string; on_the_way: number } | undefined> {
  const keys: Array<['visitor_email' | 'visitor_badge_id' | 'visitor_employee_id', string | undefined]> = [
    ['visitor_email', visitor.email],
    ['visitor_badge_id', visitor.badgeId],
    ['visitor_employee_id', visitor.employeeId],
  ];
  for (const [column, value] of keys) {
    if (!value) continue;
    const existing = await trx
      .selectFrom('visits')
      .select(['id', 'ticket_number', 'on_the_way'])
      .where('site_id', '=', siteId)
      .where(column, '=', value)
      .where('state', 'in', ['waiting', 'called', 'in_service'])
      .executeTakeFirst();
    if (existing) return existing;
  }
  return undefined;
}

/** An identified person who is still waiting or being served at this site must not take a second ticket. */
export async function rejectDuplicate(trx: Db, siteId: string, visitor: VisitorIdentity): Promise<void> {
  const existing = await findActiveVisitOf(trx, siteId, visitor);
  if (existing) throw new ConflictError('already_checked_in', `this person is already in the queue with ticket ${existing.ticket_number}`);
}

/** Closed for a holiday, outside the hours, or past the last check-in: the visitor is told which, in words. */
export function refuseUnlessTakingVisitors(site: SiteSettings, now: Date): void {
  const availability = siteAvailability(site, now);
  if (availability.acceptsCheckIn) return;
  if (availability.reason === 'closure') {
    const message = availability.closure.message[site.defaultLanguage] ?? Object.values(availability.closure.message)[0] ?? '';
    throw new ConflictError('site_closed', `${site.name} is closed today: ${message}`);
  }
  if (availability.reason === 'hours') throw new ConflictError('site_closed', `${site.name} is closed now`);
  throw new ConflictError('check_in_closed', `${site.name} takes no more visitors today: check-in ends ${site.checkInCutoffMinutes} minutes before closing`);
}

/** The category a visitor picked, which must be a leaf (it names the queue), and its queue. */
export function requireLeafCategory(setup: SiteSetup, categoryId: string) {
  const category = setup.categories.find((c) => c.id === categoryId);
  if (!category) throw new NotFoundError('category', categoryId);
  if (!category.queueId) throw new InvalidInputError('category_not_leaf', `category '${category.id}' has sub-choices; pick one of them`);
  return { category, queue: setup.queues.find((q) => q.id === category.queueId)! };
}

export async function checkInVisitor(deps: UseCaseDeps, command: CheckInCommand): Promise<CheckInResult> {
  requireIdentityFields(command.visitor);
  const setup = await deps.setups.get(deps.db, command.siteId);
  const { category, queue } = requireLeafCategory(setup, command.categoryId);
  const now = deps.now();
  const visitor = withNormalisedEmail(await completeIdentity(deps.db, command.visitor));
  // Someone who checked in from their phone and now identifies at the kiosk has arrived: they keep
  // their ticket and place instead of hearing they are already in the queue.
  if (command.kioskDeviceId) {
    const remote = await findActiveVisitOf(deps.db, command.siteId, visitor);
    if (remote?.on_the_way) return welcomeAtKiosk(deps, remote.id, command.kioskDeviceId);
  }
  refuseUnlessTakingVisitors(setup.site, now);
  const note = command.note?.trim() || null;
  const booking = command.appointment ?? (await findBookingForCheckIn(deps.db, command.siteId, queue.id, visitor, now));
  // A booking whose ticket was made at booking reserved this visit's id: the ticket is found, not made again.
  const ticketAtBooking = booking ? await findBookingTicket(deps.db, { appointmentId: booking.id }) : undefined;
  const id = ticketAtBooking?.visit_id ?? randomUUID();
  // The estimate recorded and shown is the newcomer's own, made now for the site as it is plus them:
  // the figure the display shows them once the check-in counts. The queue's latest published "joining
  // now" figure was often a throttled recompute or more old (30 s of a day replayed at 60x), missing
  // the last events, and was noisier than the display's first figure for the same visitor (issue 12:
  // RMSE 7.3 vs 5.9 s in bench:live-wait). Made before the transaction: the estimator stays out of
  // the write path.
  const view = await deps.views.view(command.siteId);
  const newcomer = { id, queueId: queue.id, categoryId: category.id, priority: category.priority, checkedInAt: now.toISOString(), appointmentId: booking?.id ?? null };
  const walkInEstimate = await deps.estimates.forNewcomer(view, newcomer);
  // A booked visitor is placed by the wait a walk-in joining now is told (the QLess rule), then told
  // their own wait from that place.
  const placement: ArrivalPlacement | null = booking ? await placeArrival(deps.db, booking, now.toISOString(), walkInEstimate?.expectedSeconds ?? 0) : null;
  const estimate = placement?.callOrderAt ? await deps.estimates.forNewcomer(view, { ...newcomer, callOrderAt: placement.callOrderAt }) : walkInEstimate;

  const checkedIn = await commitChange(deps, async (trx, append, at) => {
    await rejectDuplicate(trx, command.siteId, visitor);
    // The service day follows the check-in time itself, so a ticket taken at midnight is numbered
    // in the day its check-in time says.
    const day = serviceDay(new Date(at), setup.site.timeZone);
    const ticketNumber = formatTicketNumber(queue.prefix, await takeNextTicketCounter(trx, queue.id, day));
    if (placement) await markBookingArrived(trx, placement, id, at);
    const appointment = placement
      ? { callOrderAt: placement.callOrderAt, appointmentId: placement.appointment.id, appointmentAt: placement.state === 'arrived' ? placement.appointment.starts_at : null }
      : null;
    await insertVisit(trx, {
      id,
      site_id: command.siteId,
      queue_id: queue.id,
      category_id: category.id,
      ticket_number: ticketNumber,
      service_day: day,
      priority: category.priority,
      state: 'waiting',
      visitor_kind: visitor.kind,
      visitor_name: visitor.name ?? null,
      visitor_email: visitor.email ?? null,
      visitor_employee_id: visitor.employeeId ?? null,
      visitor_badge_id: visitor.badgeId ?? null,
      note,
      checked_in_at: at,
      call_count: 0,
      estimate_at_join_seconds: estimate?.expectedSeconds ?? null,
      estimate_at_join_low: estimate?.lowSeconds ?? null,
      estimate_at_join_high: estimate?.highSeconds ?? null,
      itsm_state: 'pending',
      // The labels as the visitor saw them: history and reports stay true after a rename.
      category_label: JSON.stringify(category.label),
      queue_name: JSON.stringify(queue.name),
      call_order_at: appointment?.callOrderAt ?? null,
      appointment_id: appointment?.appointmentId ?? null,
      appointment_at: appointment?.appointmentAt ?? null,
      visitor_language: command.language ?? null,
      on_the_way: command.onTheWay ? 1 : 0,
    });
    // The ticket made at booking shows on the visit from its first moment (read again: it may have just come).
    const ticket = ticketAtBooking && (await findBookingTicket(trx, { appointmentId: ticketAtBooking.appointment_id }));
    const ticketRef = ticket && bookingTicketRef(ticket);
    if (ticketRef) await recordTicket(trx, id, ticketRef);
    if (command.kioskDeviceId) await insertKioskCheckIn(trx, { visitId: id, deviceId: command.kioskDeviceId, checkedInAt: at });
    await append({
      siteId: command.siteId,
      type: 'visit.checked_in',
      visitId: id,
      data: {
        queueId: queue.id,
        categoryId: category.id,
        ticketNumber,
        priority: category.priority,
        checkedInAt: at,
        visitor,
        note,
        ...(appointment ?? {}),
        ...(command.onTheWay ? { onTheWay: true } : {}),
      },
    });
    // The phone link is born with the visit, in the same transaction: no ticket without its link.
    const visitorLink = visitorLinkPath(await createVisitorLink(trx, { visitId: id, siteId: command.siteId }, at));
    return {
      id,
      ticketNumber,
      queueId: queue.id,
      estimate,
      visitorLink,
      ...(placement ? { appointment: { startsAt: placement.appointment.starts_at, kept: placement.state === 'arrived' } } : {}),
    };
  });
  // The site's view already includes this check-in (it follows every commit); a visitor called in
  // the meantime is at the head of nothing any more.
  const position = positionInQueue(await deps.views.view(command.siteId), id) ?? 0;
  return { ...checkedIn, position };
}
