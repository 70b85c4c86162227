import { ItsmError, ItsmUnverifiedTicketError, type TicketRef, type TicketUpdate } from '@walkup/itsm';
import { ConnectionPausedError, isBreakerOpen, retryDelayMs, type ConnectionPolicy } from './connection-policy.ts';
import {
  bookingTicketRef,
  findBookingTicket,
  markBookingCreateSent,
  recordBookingFailure,
  recordBookingTicket,
  recordBookingTold,
  type DueBookingTicket,
} from './booking-ticket-store.ts';
import type { DeliveryContext } from './deliver-visit.ts';
import { buildBookingTicketDraft } from './ticket-builder.ts';

/**
 * How long a visit waits for a create sent at booking whose answer has not come back. Well past the
 * operation timeout: after it the create has surely ended, and a lookup that finds nothing means
 * there is no ticket.
 */
const bookingCreateOutcomeMs = 120_000;

/** The visit must not create while the booking's create may still land: it waits, uncounted. */
class BookingCreatePendingError extends ConnectionPausedError {
  constructor(untilMs: number) {
    super(untilMs);
    this.message = 'waiting for the ticket being created for the booking';
  }
}

/** What the ITSM should hear about a booking whose ticket exists, given what it last heard. */
function bookingUpdate(row: DueBookingTicket, at: string): TicketUpdate | null {
  if (row.told === row.summary) return null;
  if (row.state === 'cancelled') return { kind: 'cancelled', at, reason: 'the appointment was cancelled' };
  if (row.state === 'no_show') return { kind: 'no_show', at };
  const toldStart = row.told?.slice(row.told.indexOf('@') + 1);
  // Nothing told yet: the ticket was just made from the booking as it is now.
  if (row.state === 'booked' && row.told && toldStart !== row.starts_at) return { kind: 'rescheduled', at, startsAt: row.starts_at };
  // Arrived: the visit's own events take over from here.
  return null;
}

/** Creates the booking's ticket, or null when the person arrived first (the visit creates it then). */
async function createBookingTicket(ctx: DeliveryContext, connection: ConnectionPolicy, row: DueBookingTicket): Promise<TicketRef | null> {
  const { adapter } = connection;
  await ctx.setupGate?.requireReady(adapter);
  const draft = await buildBookingTicketDraft(ctx.db, row.appointment_id, row.visit_id);
  if (!(await ctx.transact((trx) => markBookingCreateSent(trx, row.appointment_id, ctx.now().toISOString())))) return null;
  try {
    return await connection.run(() => adapter.createTicket(draft));
  } catch (error) {
    if (error instanceof ItsmUnverifiedTicketError) await ctx.transact((trx) => recordBookingTicket(trx, row, error.ticket));
    if ((error instanceof ItsmError && error.notApplied) || isBreakerOpen(error) || error instanceof ConnectionPausedError) {
      await ctx.transact((trx) => markBookingCreateSent(trx, row.appointment_id, null));
    }
    throw error;
  }
}

/**
 * The ticket of a create sent earlier whose outcome is unknown (its answer timed out, or the process
 * died between sending it and recording the answer). No startup scan is needed for bookings, unlike
 * visits (reconcile.ts): `create_sent_at` is committed before the create and the booking stays due
 * until `recordBookingTold`, so a killed process leaves the booking due with that mark, and its next
 * pass comes here: nothing is lost. Nothing is made twice either: the lookup adopts a ticket that
 * exists, and while the create may still be landing (an ITSM finishes a request whose sender died)
 * a lookup that finds nothing waits for the outcome instead of creating again, as the visit does.
 */
async function findCreateSentBefore(ctx: DeliveryContext, connection: ConnectionPolicy, visitId: string, createSentAt: string): Promise<TicketRef | null> {
  const found = await connection.run(() => connection.adapter.findByCorrelationId(visitId));
  const settledAt = Date.parse(createSentAt) + bookingCreateOutcomeMs;
  if (!found && ctx.now().getTime() < settledAt) throw new BookingCreatePendingError(settledAt);
  return found;
}

/**
 * Brings a booking's ticket in step with the booking: created once while booked, moved on a
 * reschedule, closed on a cancel or a no-show. State-based: whatever changed since `told` is sent.
 */
export async function deliverBookingTicket(ctx: DeliveryContext, connection: ConnectionPolicy, row: DueBookingTicket): Promise<void> {
  try {
    let ticket = bookingTicketRef(row);
    // A create whose answer never came may have worked: adopt that ticket rather than make a second.
    if (!ticket && row.create_sent_at) ticket = await findCreateSentBefore(ctx, connection, row.visit_id, row.create_sent_at);
    // Cancelled or missed before any ticket: none is needed. Arrived: the visit creates it.
    if (!ticket && row.state === 'booked') ticket = await createBookingTicket(ctx, connection, row);
    if (ticket && !row.remote_id) {
      const created = ticket;
      await ctx.transact((trx) => recordBookingTicket(trx, row, created));
    }
    const update = ticket ? bookingUpdate(row, ctx.now().toISOString()) : null;
    if (ticket && update) {
      const target = ticket;
      await connection.run(() => connection.adapter.updateTicket(target, update));
    }
    await ctx.transact((trx) => recordBookingTold(trx, row.appointment_id, row.summary));
    await ctx.onOutcome(connection, null);
  } catch (error) {
    await recordBookingError(ctx, connection, row, error);
  }
}

async function recordBookingError(ctx: DeliveryContext, connection: ConnectionPolicy, row: DueBookingTicket, error: unknown): Promise<void> {
  const nowMs = ctx.now().getTime();
  const waiting = isBreakerOpen(error) || error instanceof ConnectionPausedError;
  const message = error instanceof ItsmError || error instanceof ConnectionPausedError ? error.message : `internal error (${(error as Error)?.name ?? 'unknown'})`;
  if (!waiting) await ctx.onOutcome(connection, message);
  // A permanent refusal stops here (due cleared): the visit gets its own chance to create at arrival.
  const permanent = error instanceof ItsmError && error.permanent;
  const delayMs =
    error instanceof ConnectionPausedError
      ? Math.max(100, error.untilMs - nowMs)
      : retryDelayMs(row.attempts, error instanceof ItsmError ? error.retryAfterSeconds : null, ctx.backoff.baseMs, ctx.backoff.capMs, ctx.random);
  ctx.logger.warn({ appointmentId: row.appointment_id, connection: connection.name, error: message }, permanent ? 'ITSM refused the booking ticket' : 'ITSM booking ticket will be retried');
  await ctx.transact((trx) => recordBookingFailure(trx, row.appointment_id, { nextAttemptAt: permanent ? null : new Date(nowMs + delayMs).toISOString(), error: message }));
}

/**
 * The ticket made when this visit was booked, if any: the visit adopts it instead of creating one.
 * While the booking's create may still be in flight the visit waits for it.
 */
export async function findTicketMadeAtBooking(ctx: DeliveryContext, connection: ConnectionPolicy, visitId: string): Promise<TicketRef | null> {
  const row = await findBookingTicket(ctx.db, { visitId });
  if (!row) return null;
  const recorded = bookingTicketRef(row);
  if (recorded || !row.create_sent_at) return recorded;
  return findCreateSentBefore(ctx, connection, visitId, row.create_sent_at);
}
