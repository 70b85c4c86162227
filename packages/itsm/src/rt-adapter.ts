import { ItsmError, ItsmUnverifiedTicketError, type FetchLike, type ItsmAdapter, type TicketDraft, type TicketRef, type TicketUpdate } from './adapter.ts';
import type { RtConfig } from './config.ts';
import { createHttpClient, joinUrl } from './http.ts';
import { createRtChecks, type RtTicketFields } from './rt-checks.ts';
import { checkRtSetup } from './rt-setup-checks.ts';
import { ticketDescription, ticketSubject, updateNote } from './ticket-text.ts';

/**
 * Request Tracker 5 REST2. RT's quirks shape this file: ids come back as strings, `Location` is
 * relative, an unknown queue answers 403, and changes it does not make (a status the lifecycle
 * forbids, a custom field not applied to the queue) still answer 200/201, so every create and every
 * field change is verified by reading the ticket back (rt-checks.ts).
 */
export function createRtAdapter(config: RtConfig, fetchImpl: FetchLike = fetch): ItsmAdapter {
  const http = createHttpClient({ vendor: 'rt', fetchImpl, timeoutMs: config.timeoutMs ?? 10_000, secrets: [config.token] });
  const headers = { Authorization: `token ${config.token}` };
  const api = (path: string) => joinUrl(config.url, path);
  const webBase = config.url.replace(/\/REST\/2\.0\/?$/, '');
  const visitIdField = config.visitIdField ?? 'KioskVisitId';
  const statuses = { started: 'open', resolved: 'resolved', noShow: 'rejected', cancelled: 'rejected', ...config.statuses };
  const checks = createRtChecks({ http, api, headers, visitIdField });

  const toRef = (id: string | number): TicketRef => ({ remoteId: String(id), number: String(id), url: `${webBase}/Ticket/Display.html?id=${id}` });

  async function addText(ticket: TicketRef, text: string, kind: 'comment' | 'correspond'): Promise<void> {
    await http({ method: 'POST', url: api(`ticket/${ticket.remoteId}/${kind}`), headers, body: { Content: text, ContentType: 'text/plain' } });
  }

  function statusFor(update: TicketUpdate): string | null {
    if (update.kind === 'started') return statuses.started;
    if (update.kind === 'resolved') return statuses.resolved;
    if (update.kind === 'no_show') return statuses.noShow;
    if (update.kind === 'cancelled') return statuses.cancelled;
    return null;
  }

  /** Owner, status and queue an update stands for, per the connection's mappings (unmapped: left alone). */
  function fieldsFor(update: TicketUpdate): RtTicketFields {
    const fields: RtTicketFields = {};
    const status = statusFor(update);
    if (status) fields.Status = status;
    const owner = update.kind === 'started' && update.technicianId ? config.owners?.[update.technicianId] : undefined;
    if (owner) fields.Owner = owner;
    const group = update.kind === 'escalated' || update.kind === 'transferred' ? update.assignmentGroup : null;
    const queue = group ? config.escalationQueues?.[group] : undefined;
    if (queue) fields.Queue = queue;
    return fields;
  }

  function priorityFor(draft: TicketDraft): number | undefined {
    const byId = draft.categoryId ? config.priorities?.[draft.categoryId] : undefined;
    return byId ?? (draft.itsm.category ? config.priorities?.[draft.itsm.category] : undefined);
  }

  return {
    vendor: 'rt',
    connectionName: config.name ?? 'rt',
    createsTickets: true,
    async createTicket(draft) {
      // RT drops a field not applied to the queue and still answers 201: a ticket made that way can
      // never be found by visit id, and a create whose answer was lost would then be sent again.
      const queue = draft.itsm.vendorFields?.rtQueue ?? config.queue;
      await checks.requireVisitField(queue);
      const requestor = draft.caller.email ?? undefined;
      const priority = priorityFor(draft);
      const { headers: responseHeaders, body } = await http({
        method: 'POST',
        url: api('ticket'),
        headers,
        body: {
          Queue: queue,
          Subject: ticketSubject(draft),
          Content: ticketDescription(draft),
          ContentType: 'text/plain',
          ...(requestor ? { Requestor: requestor } : {}),
          ...(priority !== undefined ? { Priority: priority } : {}),
          CustomFields: { [visitIdField]: draft.visitId },
        },
      });
      // The body carries the id as a string; the Location header is a relative path to the same ticket.
      const id = body?.id ?? responseHeaders.get('location')?.match(/ticket\/(\d+)/)?.[1];
      if (!id) throw new ItsmError('rt created a ticket but did not say its id', false, 201);
      const ref = toRef(id);
      if (!(await checks.ticketHasVisitId(ref.remoteId, draft.visitId))) {
        throw new ItsmUnverifiedTicketError(`${checks.missingFieldMessage(queue)} (ticket ${ref.number} was created without it)`, ref);
      }
      return ref;
    },
    async updateTicket(ticket, update) {
      const fields = fieldsFor(update);
      // Fields first: setting them again is harmless, so a retry after a failed comment repeats nothing visible.
      if (Object.keys(fields).length > 0) await checks.change(ticket.remoteId, fields);
      const toRequestor = update.kind === 'resolved' && config.resolutionToRequestor === true;
      await addText(ticket, updateNote(update), toRequestor ? 'correspond' : 'comment');
    },
    async findByCorrelationId(visitId) {
      const url = new URL(api('tickets'));
      url.searchParams.set('query', `CF.{${visitIdField}} = '${visitId.replace(/'/g, "\\'")}'`);
      url.searchParams.set('orderby', 'id');
      const { body } = await http({ method: 'GET', url: url.toString(), headers });
      const first = body?.items?.[0];
      return first ? toRef(first.id) : null;
    },
    async checkSetup(mapped) {
      return checkRtSetup({ http, api, headers, config, visitIdField, statuses }, mapped?.rtQueues);
    },
    async health() {
      try {
        await http({ method: 'GET', url: api('rt'), headers });
        return { ok: true, detail: 'Request Tracker reachable' };
      } catch (error) {
        return { ok: false, detail: (error as Error).message };
      }
    },
  };
}
