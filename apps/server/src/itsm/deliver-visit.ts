import { ItsmError, ItsmUnverifiedTicketError, type TicketRef } from '@walkup/itsm';
import type { Db } from '../db/connection.ts';
import type { CommittedEvent, EventBus } from '../live/event-bus.ts';
import { ConnectionPausedError, isBreakerOpen, retryDelayMs, type ConnectionPolicy } from './connection-policy.ts';
import {
  listUndeliveredEvents,
  markCreateSent,
  publishSyncState,
  readVisitTicket,
  recordDelivered,
  recordFailure,
  recordTicket,
} from './delivery-store.ts';
import type { DeliveryRow } from './itsm-schema.ts';
import { findTicketMadeAtBooking } from './deliver-booking.ts';
import { buildTicketDraft, buildTicketUpdate } from './ticket-builder.ts';
import type { SetupGate } from './setup-gate.ts';

/** Runs a write transaction and resolves once it is durable (the app's group committer). */
export type Transact = <T>(work: (trx: Db) => Promise<T>) => Promise<T>;

export interface DeliveryContext {
  db: Db;
  transact: Transact;
  bus: EventBus;
  now: () => Date;
  random: () => number;
  backoff: { baseMs: number; capMs: number; breakerHalfOpenMs: number };
  logger: { info: (...a: any[]) => void; warn: (...a: any[]) => void; error: (...a: any[]) => void };
  onOutcome: (connection: ConnectionPolicy, error: string | null) => Promise<void>;
  /** Holds creates while the connection's set-up check fails (absent: creates are never held). */
  setupGate?: Pick<SetupGate, 'requireReady'>;
}

/** Runs a write transaction, then announces what it appended (never before commit). */
async function commit(ctx: DeliveryContext, work: (trx: Db, at: string) => Promise<Array<CommittedEvent | null>>): Promise<void> {
  const at = ctx.now().toISOString();
  const events = await ctx.transact((trx) => work(trx, at));
  ctx.bus.publish(events.filter((e): e is CommittedEvent => e !== null));
}

async function ensureTicket(ctx: DeliveryContext, connection: ConnectionPolicy, delivery: DeliveryRow, checkInEventId: number | null): Promise<TicketRef> {
  const { adapter } = connection;
  // Booked with its ticket made at booking: that ticket is the visit's, never a second create.
  let ticket: TicketRef | null = await findTicketMadeAtBooking(ctx, connection, delivery.visit_id);
  // A create whose answer never reached us may have worked: adopt that ticket rather than make a second.
  if (!ticket && delivery.create_sent_at) ticket = await connection.run(() => adapter.findByCorrelationId(delivery.visit_id));
  if (!ticket) {
    // Before anything is sent: a create into a half-set-up ITSM could never be found again by visit id.
    await ctx.setupGate?.requireReady(adapter);
    const draft = await buildTicketDraft(ctx.db, delivery.visit_id);
    await ctx.transact((trx) => markCreateSent(trx, delivery.visit_id, ctx.now().toISOString()));
    try {
      ticket = await connection.run(() => adapter.createTicket(draft));
    } catch (error) {
      // A ticket that exists but cannot be looked up again: keep it on the visit (so no retry creates
      // another) and let the permanent error dead-letter the visit for an admin to fix the ITSM.
      if (error instanceof ItsmUnverifiedTicketError) await ctx.transact((trx) => recordTicket(trx, delivery.visit_id, error.ticket));
      // Turned away for sure (and the lookup just found nothing): the next attempt can skip the lookup.
      if ((error instanceof ItsmError && error.notApplied) || isBreakerOpen(error) || error instanceof ConnectionPausedError) {
        await ctx.transact((trx) => markCreateSent(trx, delivery.visit_id, null));
      }
      throw error;
    }
  }
  const created = ticket;
  await commit(ctx, async (trx, at) => {
    await recordTicket(trx, delivery.visit_id, created);
    if (checkInEventId) await recordDelivered(trx, delivery.visit_id, checkInEventId, at);
    // The ticket exists from now on: consoles show its number even while updates are still queued.
    return [await publishSyncState(trx, delivery.visit_id, { state: 'synced', error: null, ticketChanged: true }, at)];
  });
  return created;
}

/** Brings one visit's ticket up to date with the log: create first, then each update in order. */
export async function deliverVisit(ctx: DeliveryContext, connection: ConnectionPolicy, delivery: DeliveryRow): Promise<'done' | 'deferred'> {
  const visitId = delivery.visit_id;
  try {
    const pending = await listUndeliveredEvents(ctx.db, delivery);
    const checkIn = pending.find((e) => e.type === 'visit.checked_in');
    const current = await readVisitTicket(ctx.db, visitId);
    const ticket = current.ticket ?? (await ensureTicket(ctx, connection, delivery, checkIn?.id ?? null));
    const remaining = current.ticket ? pending : pending.filter((e) => e !== checkIn);
    for (const event of remaining) {
      const update = await buildTicketUpdate(ctx.db, event);
      if (update) await connection.run(() => connection.adapter.updateTicket(ticket, update));
      // One small transaction per update: a crash repeats at most the update that was in flight.
      await commit(ctx, async (trx, at) => {
        const state = await recordDelivered(trx, visitId, event.id, at);
        return [state === 'synced' ? await publishSyncState(trx, visitId, { state: 'synced', error: null }, at) : null];
      });
    }
    if (remaining.length === 0 && current.ticket) {
      // Only events the ITSM ignores were left: mark caught up so the row stops being due.
      await commit(ctx, async (trx, at) => {
        const state = await recordDelivered(trx, visitId, delivery.target_event_id, at);
        return [state === 'synced' ? await publishSyncState(trx, visitId, { state: 'synced', error: null }, at) : null];
      });
    }
    await ctx.onOutcome(connection, null);
    return 'done';
  } catch (error) {
    await recordError(ctx, connection, delivery, error);
    return 'deferred';
  }
}

async function recordError(ctx: DeliveryContext, connection: ConnectionPolicy, delivery: DeliveryRow, error: unknown): Promise<void> {
  const nowMs = ctx.now().getTime();
  const permanent = error instanceof ItsmError && error.permanent;
  const waiting = isBreakerOpen(error) || error instanceof ConnectionPausedError;
  // Only messages our own code wrote reach the database: adapters redact secrets from theirs, and
  // unexpected errors are reduced to their class so a stack or a URL with credentials never leaks.
  const message =
    error instanceof ItsmError || error instanceof ConnectionPausedError
      ? error.message
      : isBreakerOpen(error)
        ? `${connection.name} is failing; calls paused by the circuit breaker`
        : `internal error (${(error as Error)?.name ?? 'unknown'})`;
  let delayMs: number;
  if (error instanceof ConnectionPausedError) delayMs = Math.max(100, error.untilMs - nowMs);
  else if (isBreakerOpen(error)) delayMs = ctx.backoff.breakerHalfOpenMs;
  else delayMs = retryDelayMs(delivery.attempts, error instanceof ItsmError ? error.retryAfterSeconds : null, ctx.backoff.baseMs, ctx.backoff.capMs, ctx.random);
  const state = permanent ? 'failed' : 'retrying';
  if (!waiting) await ctx.onOutcome(connection, message);
  const log = permanent ? ctx.logger.error : ctx.logger.warn;
  log.call(ctx.logger, { visitId: delivery.visit_id, connection: connection.name, attempts: delivery.attempts + 1, error: message }, permanent ? 'ITSM delivery dead-lettered' : 'ITSM delivery will be retried');
  await commit(ctx, async (trx, at) => {
    await recordFailure(trx, delivery.visit_id, { state, nextAttemptAt: new Date(nowMs + delayMs).toISOString(), error: message, countAttempt: !waiting }, at);
    return [await publishSyncState(trx, delivery.visit_id, { state, error: message }, at)];
  });
}
