import type { SiteEvent } from '@walkup/domain';
import type { TicketDraft, TicketUpdate } from '@walkup/itsm';
import type { Db } from '../db/connection.ts';

/** Event types that become ticket updates; `visit.recalled` and `visit.itsm_synced` do not. */
export const deliveredEventTypes = [
  'visit.checked_in',
  'visit.called',
  'visit.started',
  'visit.transferred',
  'visit.escalated',
  'visit.resolved',
  'visit.no_show',
  'visit.cancelled',
] as const;

function localized(json: string, language: string): string {
  try {
    const value = JSON.parse(json) as Record<string, string> | string;
    if (typeof value === 'string') return value;
    return value[language] ?? Object.values(value)[0] ?? '';
  } catch {
    return json; // plain text labels from older seeds
  }
}

export async function buildTicketDraft(db: Db, visitId: string): Promise<TicketDraft> {
  const row = await db
    .selectFrom('visits as v')
    .innerJoin('sites as s', 's.id', 'v.site_id')
    .innerJoin('categories as c', 'c.id', 'v.category_id')
    .innerJoin('queues as q', 'q.id', 'v.queue_id')
    .leftJoin('categories as p', 'p.id', 'c.parent_id')
    .select([
      'v.id', 'v.ticket_number', 'v.priority', 'v.visitor_name', 'v.visitor_email', 'v.visitor_employee_id', 'v.visitor_badge_id', 'v.note', 'v.checked_in_at',
      's.name as site_name', 's.default_language',
      'c.label', 'c.itsm_category', 'c.itsm_subcategory', 'c.itsm_assignment_group',
      'p.label as parent_label', 'p.itsm_category as parent_category', 'p.itsm_subcategory as parent_subcategory', 'p.itsm_assignment_group as parent_group',
      'q.itsm_assignment_group as queue_group',
    ])
    .where('v.id', '=', visitId)
    .executeTakeFirstOrThrow();
  const language = row.default_language;
  const choices = [row.parent_label, row.label].filter((l): l is string => l != null).map((l) => localized(l, language));
  return {
    visitId: row.id,
    siteName: row.site_name,
    walkupTicketNumber: row.ticket_number,
    caller: { email: row.visitor_email, employeeId: row.visitor_employee_id, badgeId: row.visitor_badge_id, name: row.visitor_name },
    choices,
    note: row.note,
    priority: row.priority,
    checkedInAt: row.checked_in_at,
    // A sub-choice inherits what its parent maps to; the queue's group is the last resort.
    itsm: {
      category: row.itsm_category ?? row.parent_category,
      subcategory: row.itsm_subcategory ?? row.parent_subcategory,
      assignmentGroup: row.itsm_assignment_group ?? row.parent_group ?? row.queue_group,
    },
  };
}

async function deskName(db: Db, id: string): Promise<string> {
  const row = await db.selectFrom('desks').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? id;
}

async function technicianName(db: Db, id: string | null): Promise<string | null> {
  if (!id) return null;
  const row = await db.selectFrom('technicians').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? id;
}

/** The ticket update an event stands for, or null for events the ITSM does not hear about. */
export async function buildTicketUpdate(db: Db, event: SiteEvent): Promise<TicketUpdate | null> {
  const at = event.at;
  switch (event.type) {
    case 'visit.called':
    case 'visit.started':
      return {
        kind: event.type === 'visit.called' ? 'called' : 'started',
        at,
        deskName: await deskName(db, event.data.deskId),
        technicianName: (await technicianName(db, event.data.technicianId)) ?? 'a technician',
      };
    case 'visit.transferred': {
      const queue = await db
        .selectFrom('queues')
        .innerJoin('sites', 'sites.id', 'queues.site_id')
        .select(['queues.name', 'queues.itsm_assignment_group', 'sites.default_language'])
        .where('queues.id', '=', event.data.toQueueId)
        .executeTakeFirst();
      return {
        kind: 'transferred',
        at,
        queueName: queue ? localized(queue.name, queue.default_language) : event.data.toQueueId,
        assignmentGroup: queue?.itsm_assignment_group ?? null,
        reason: event.data.reason,
      };
    }
    case 'visit.escalated':
      return { kind: 'escalated', at, assignmentGroup: event.data.group, note: event.data.note };
    case 'visit.resolved':
      return { kind: 'resolved', at, note: event.data.note, technicianName: await technicianName(db, event.data.technicianId) };
    case 'visit.no_show':
      return { kind: 'no_show', at };
    case 'visit.cancelled':
      return { kind: 'cancelled', at, reason: event.data.reason };
    default:
      return null;
  }
}
