import type { SiteEvent } from '@walkup/domain';
import type { TicketDraft, TicketUpdate } from '@walkup/itsm';
import type { Db } from '../db/connection.ts';
import { withSiteConfigTables } from '../site-config/site-config-schema.ts';

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

function vendorFields(json: string | null): NonNullable<TicketDraft['itsm']['vendorFields']> {
  if (!json) return {};
  try {
    const value = JSON.parse(json) as Record<string, unknown>;
    const text = (key: string) => (typeof value[key] === 'string' && value[key] !== '' ? { [key]: value[key] as string } : {});
    return { ...text('rtQueue'), ...text('jsmRequestType'), ...text('glpiCategory') };
  } catch {
    return {};
  }
}

/** Columns of the category, its parent and the queue that a ticket maps to, whichever row they join. */
const mappingColumns = [
  's.name as site_name', 's.default_language',
  'c.label', 'c.itsm_vendor_fields', 'p.itsm_vendor_fields as parent_vendor_fields', 'c.itsm_category', 'c.itsm_subcategory', 'c.itsm_assignment_group',
  'p.label as parent_label', 'p.itsm_category as parent_category', 'p.itsm_subcategory as parent_subcategory', 'p.itsm_assignment_group as parent_group',
  'q.itsm_assignment_group as queue_group',
] as const;

interface MappingRow {
  site_name: string;
  default_language: string;
  label: string;
  parent_label: string | null;
  itsm_vendor_fields: string | null;
  parent_vendor_fields: string | null;
  itsm_category: string | null;
  parent_category: string | null;
  itsm_subcategory: string | null;
  parent_subcategory: string | null;
  itsm_assignment_group: string | null;
  parent_group: string | null;
  queue_group: string | null;
}

function mappedFields(row: MappingRow): Pick<TicketDraft, 'siteName' | 'choices' | 'itsm'> {
  const language = row.default_language;
  return {
    siteName: row.site_name,
    choices: [row.parent_label, row.label].filter((l): l is string => l != null).map((l) => localized(l, language)),
    // A sub-choice inherits what its parent maps to; the queue's group is the last resort.
    itsm: {
      category: row.itsm_category ?? row.parent_category,
      subcategory: row.itsm_subcategory ?? row.parent_subcategory,
      assignmentGroup: row.itsm_assignment_group ?? row.parent_group ?? row.queue_group,
      vendorFields: { ...vendorFields(row.parent_vendor_fields), ...vendorFields(row.itsm_vendor_fields) },
    },
  };
}

export async function buildTicketDraft(db: Db, visitId: string): Promise<TicketDraft> {
  const row = await withSiteConfigTables(db)
    .selectFrom('visits as v')
    .innerJoin('sites as s', 's.id', 'v.site_id')
    .innerJoin('categories as c', 'c.id', 'v.category_id')
    .innerJoin('queues as q', 'q.id', 'v.queue_id')
    .leftJoin('categories as p', 'p.id', 'c.parent_id')
    .select(['v.id', 'v.category_id', 'v.ticket_number', 'v.priority', 'v.visitor_name', 'v.visitor_email', 'v.visitor_employee_id', 'v.visitor_badge_id', 'v.note', 'v.checked_in_at', ...mappingColumns])
    .where('v.id', '=', visitId)
    .executeTakeFirstOrThrow();
  return {
    visitId: row.id,
    walkupTicketNumber: row.ticket_number,
    caller: { email: row.visitor_email, employeeId: row.visitor_employee_id, badgeId: row.visitor_badge_id, name: row.visitor_name },
    note: row.note,
    priority: row.priority,
    checkedInAt: row.checked_in_at,
    categoryId: row.category_id,
    ...mappedFields(row),
  };
}

/** The ticket of a booking made before its visit: correlated with the visit id the arrival will take. */
export async function buildBookingTicketDraft(db: Db, appointmentId: string, visitId: string): Promise<TicketDraft> {
  const row = await withSiteConfigTables(db)
    .selectFrom('appointments as a')
    .innerJoin('sites as s', 's.id', 'a.site_id')
    .innerJoin('categories as c', 'c.id', 'a.category_id')
    .innerJoin('queues as q', 'q.id', 'a.queue_id')
    .leftJoin('categories as p', 'p.id', 'c.parent_id')
    .select(['a.category_id', 'a.starts_at', 'a.created_at', 'a.visitor_name', 'a.visitor_email', 'a.visitor_employee_id', 'c.priority', ...mappingColumns])
    .where('a.id', '=', appointmentId)
    .executeTakeFirstOrThrow();
  return {
    visitId,
    // No queue ticket number before arrival: the subject says it is an appointment.
    walkupTicketNumber: 'appointment',
    caller: { email: row.visitor_email, employeeId: row.visitor_employee_id, badgeId: null, name: row.visitor_name },
    note: null,
    priority: row.priority,
    checkedInAt: row.created_at,
    appointmentAt: row.starts_at,
    categoryId: row.category_id,
    ...mappedFields(row),
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
        technicianId: event.data.technicianId,
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
      return { kind: 'resolved', at, note: event.data.note, technicianName: await technicianName(db, event.data.technicianId), technicianId: event.data.technicianId };
    case 'visit.no_show':
      return { kind: 'no_show', at };
    case 'visit.cancelled':
      return { kind: 'cancelled', at, reason: event.data.reason };
    default:
      return null;
  }
}
