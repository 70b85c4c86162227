import { ConflictError, InvalidInputError, NotFoundError, nextVisitState, type Visit, type VisitAction, type VisitState } from '@walkup/domain';
import type { VisitRow } from '../db/schema.ts';
import { findSite } from '../queries/sites.ts';
import { findVisitRow, toVisit, updateVisitIfState } from '../queries/visits.ts';
import { commitChange, type AppendEvent } from './commit-change.ts';
import type { UseCaseDeps } from './deps.ts';
import type { Db } from '../db/connection.ts';
import { requireTechnician } from './technician-context.ts';

interface Transition {
  action: VisitAction;
  /** Extra checks and the row changes besides the state, given the current row. */
  changes: (row: VisitRow, at: string, trx: Db) => Promise<Partial<VisitRow>> | Partial<VisitRow>;
  record: (row: VisitRow, append: AppendEvent) => Promise<unknown>;
}

/** Applies one state-machine step with its event, refusing illegal steps with a 409 that says why. */
async function transitionVisit(deps: UseCaseDeps, visitId: string, transition: Transition): Promise<Visit> {
  return commitChange(deps, async (trx, append, at) => {
    const row = await findVisitRow(trx, visitId);
    const from = row.state as VisitState;
    const to = nextVisitState(transition.action, from);
    const changes = await transition.changes(row, at, trx);
    const applied = await updateVisitIfState(trx, visitId, from, { ...changes, state: to });
    if (!applied) throw new ConflictError('visit_changed', `ticket ${row.ticket_number} changed meanwhile; reload and try again`);
    await transition.record(row, append);
    return toVisit(await findVisitRow(trx, visitId));
  });
}

const ended = (at: string) => ({ ended_at: at });

export async function recallVisitor(deps: UseCaseDeps, visitId: string, technicianId: string): Promise<Visit> {
  await requireTechnician(deps.db, technicianId);
  return transitionVisit(deps, visitId, {
    action: 'recall',
    changes: (row, at) => ({ called_at: at, call_count: row.call_count + 1 }),
    record: (row, append) =>
      append({ siteId: row.site_id, type: 'visit.recalled', visitId, data: { deskId: row.desk_id!, technicianId, callCount: row.call_count + 1 } }),
  });
}

export async function startService(deps: UseCaseDeps, visitId: string, technicianId: string): Promise<Visit> {
  await requireTechnician(deps.db, technicianId);
  return transitionVisit(deps, visitId, {
    action: 'start',
    changes: (_row, at) => ({ started_at: at, technician_id: technicianId }),
    record: (row, append) => append({ siteId: row.site_id, type: 'visit.started', visitId, data: { deskId: row.desk_id!, technicianId } }),
  });
}

export async function resolveVisit(deps: UseCaseDeps, visitId: string, technicianId: string, note: string): Promise<Visit> {
  await requireTechnician(deps.db, technicianId);
  return transitionVisit(deps, visitId, {
    action: 'resolve',
    // Resolving straight from "called" counts the service from the call.
    changes: (row, at) => ({ ...ended(at), started_at: row.started_at ?? row.called_at }),
    record: (row, append) => append({ siteId: row.site_id, type: 'visit.resolved', visitId, data: { note: note.trim(), technicianId } }),
  });
}

export async function markNoShow(deps: UseCaseDeps, visitId: string, technicianId: string): Promise<Visit> {
  await requireTechnician(deps.db, technicianId);
  return transitionVisit(deps, visitId, {
    action: 'no_show',
    changes: async (row, at, trx) => {
      const site = await findSite(trx, row.site_id);
      const elapsed = (Date.parse(at) - Date.parse(row.called_at ?? at)) / 1000;
      if (elapsed < site.noShowGraceSeconds) {
        const left = Math.ceil(site.noShowGraceSeconds - elapsed);
        throw new ConflictError('grace_period', `ticket ${row.ticket_number} was called ${Math.floor(elapsed)} s ago; wait ${left} s more before marking a no-show`);
      }
      return ended(at);
    },
    record: (row, append) => append({ siteId: row.site_id, type: 'visit.no_show', visitId, data: { technicianId } }),
  });
}

export async function transferVisit(
  deps: UseCaseDeps,
  visitId: string,
  command: { technicianId: string | null; queueId: string; reason: string | null },
): Promise<Visit> {
  if (command.technicianId) await requireTechnician(deps.db, command.technicianId);
  return transitionVisit(deps, visitId, {
    action: 'transfer',
    changes: async (row, _at, trx) => {
      const queue = await trx.selectFrom('queues').select(['id', 'site_id']).where('id', '=', command.queueId).executeTakeFirst();
      if (!queue || queue.site_id !== row.site_id) throw new NotFoundError('queue', command.queueId);
      if (queue.id === row.queue_id && row.state === 'waiting') {
        throw new ConflictError('same_queue', `ticket ${row.ticket_number} is already waiting in that queue`);
      }
      // The visitor keeps the original check-in time, so the transfer costs them no place in line.
      return { queue_id: queue.id, called_at: null, started_at: null, desk_id: null, technician_id: null };
    },
    record: (row, append) =>
      append({
        siteId: row.site_id,
        type: 'visit.transferred',
        visitId,
        data: { fromQueueId: row.queue_id, toQueueId: command.queueId, reason: command.reason?.trim() || null, technicianId: command.technicianId },
      }),
  });
}

export async function escalateVisit(
  deps: UseCaseDeps,
  visitId: string,
  command: { technicianId: string; group: string; note: string | null },
): Promise<Visit> {
  await requireTechnician(deps.db, command.technicianId);
  return transitionVisit(deps, visitId, {
    action: 'escalate',
    changes: async (row, at, trx) => {
      const site = await findSite(trx, row.site_id);
      if (!site.escalationGroups.includes(command.group)) {
        throw new InvalidInputError('unknown_group', `'${command.group}' is not an escalation group of ${site.name}; use one of: ${site.escalationGroups.join(', ')}`);
      }
      return ended(at);
    },
    record: (row, append) =>
      append({ siteId: row.site_id, type: 'visit.escalated', visitId, data: { group: command.group, note: command.note?.trim() || null, technicianId: command.technicianId } }),
  });
}

export async function cancelVisit(deps: UseCaseDeps, visitId: string, reason: string | null): Promise<Visit> {
  return transitionVisit(deps, visitId, {
    action: 'cancel',
    changes: (_row, at) => ended(at),
    record: (row, append) => append({ siteId: row.site_id, type: 'visit.cancelled', visitId, data: { reason: reason?.trim() || null } }),
  });
}
