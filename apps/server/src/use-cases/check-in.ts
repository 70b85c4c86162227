import { randomUUID } from 'node:crypto';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  formatTicketNumber,
  isOpenAt,
  positionInQueue,
  serviceDay,
  type VisitorIdentity,
  type WaitEstimate,
} from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import { findDirectoryPerson } from '../queries/directory.ts';
import { takeNextTicketCounter } from '../queries/ticket-counters.ts';
import { insertVisit } from '../queries/visits.ts';
import { commitChange } from './commit-change.ts';
import type { UseCaseDeps } from './deps.ts';

export interface CheckInCommand {
  siteId: string;
  categoryId: string;
  visitor: VisitorIdentity;
  note?: string;
}

export interface CheckInResult {
  id: string;
  ticketNumber: string;
  queueId: string;
  position: number;
  estimate: WaitEstimate | null;
}

function requireIdentityFields(visitor: VisitorIdentity): void {
  const needed = { badge: 'badgeId', email: 'email', employee_id: 'employeeId', guest: 'name' } as const;
  const field = needed[visitor.kind];
  if (!visitor[field]?.trim()) throw new InvalidInputError('visitor_incomplete', `a ${visitor.kind.replace('_', ' ')} check-in needs visitor.${field}`);
}

/** Fills the name (and email) from the directory, so the console and the ITSM get a real caller. */
async function completeIdentity(db: Db, visitor: VisitorIdentity): Promise<VisitorIdentity> {
  if (visitor.kind === 'guest') return { kind: 'guest', name: visitor.name!.trim() };
  const person = await findDirectoryPerson(db, visitor);
  if (!person) return visitor;
  return {
    ...visitor,
    name: visitor.name ?? person.name,
    email: visitor.email ?? person.email ?? undefined,
    employeeId: visitor.employeeId ?? person.employeeId ?? undefined,
  };
}

/** An identified person who is still waiting or being served at this site must not take a second ticket. */
async function rejectDuplicate(trx: Db, siteId: string, visitor: VisitorIdentity): Promise<void> {
  const keys: Array<['visitor_email' | 'visitor_badge_id' | 'visitor_employee_id', string | undefined]> = [
    ['visitor_email', visitor.email],
    ['visitor_badge_id', visitor.badgeId],
    ['visitor_employee_id', visitor.employeeId],
  ];
  for (const [column, value] of keys) {
    if (!value) continue;
    const existing = await trx
      .selectFrom('visits')
      .select('ticket_number')
      .where('site_id', '=', siteId)
      .where(column, '=', value)
      .where('state', 'in', ['waiting', 'called', 'in_service'])
      .executeTakeFirst();
    if (existing) {
      throw new ConflictError('already_checked_in', `this person is already in the queue with ticket ${existing.ticket_number}`);
    }
  }
}

export async function checkInVisitor(deps: UseCaseDeps, command: CheckInCommand): Promise<CheckInResult> {
  requireIdentityFields(command.visitor);
  const setup = await deps.setups.get(deps.db, command.siteId);
  const category = setup.categories.find((c) => c.id === command.categoryId);
  if (!category) throw new NotFoundError('category', command.categoryId);
  if (!category.queueId) throw new InvalidInputError('category_not_leaf', `category '${category.id}' has sub-choices; pick one of them`);
  const queue = setup.queues.find((q) => q.id === category.queueId)!;
  const now = deps.now();
  if (!isOpenAt(setup.site.openingHours, now, setup.site.timeZone)) {
    throw new ConflictError('site_closed', `${setup.site.name} is closed now`);
  }
  const visitor = await completeIdentity(deps.db, command.visitor);
  const note = command.note?.trim() || null;
  const id = randomUUID();
  // The estimate recorded and shown is the queue's published "joining now" figure: what the kiosk
  // showed a moment ago, measured later against the real wait. Reading it before the transaction
  // keeps the estimator out of the write path; live per-visitor figures follow over the websocket.
  const estimate = (await deps.estimates.current(command.siteId)).queues[queue.id] ?? null;

  const checkedIn = await commitChange(deps, async (trx, append, at) => {
    await rejectDuplicate(trx, command.siteId, visitor);
    // The service day follows the check-in time itself, so a ticket taken at midnight is numbered
    // in the day its check-in time says.
    const day = serviceDay(new Date(at), setup.site.timeZone);
    const ticketNumber = formatTicketNumber(queue.prefix, await takeNextTicketCounter(trx, queue.id, day));
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
      visitor_email: visitor.email?.toLowerCase() ?? null,
      visitor_employee_id: visitor.employeeId ?? null,
      visitor_badge_id: visitor.badgeId ?? null,
      note,
      checked_in_at: at,
      call_count: 0,
      estimate_at_join_seconds: estimate?.expectedSeconds ?? null,
      estimate_at_join_low: estimate?.lowSeconds ?? null,
      estimate_at_join_high: estimate?.highSeconds ?? null,
      itsm_state: 'pending',
    });
    await append({
      siteId: command.siteId,
      type: 'visit.checked_in',
      visitId: id,
      data: { queueId: queue.id, categoryId: category.id, ticketNumber, priority: category.priority, checkedInAt: at, visitor, note },
    });
    return { id, ticketNumber, queueId: queue.id, estimate };
  });
  // The site's view already includes this check-in (it follows every commit); a visitor called in
  // the meantime is at the head of nothing any more.
  const position = positionInQueue(await deps.views.view(command.siteId), id) ?? 0;
  return { ...checkedIn, position };
}
