import { ItsmError, type FetchLike, type ItsmAdapter, type TicketRef, type TicketUpdate } from './adapter.ts';
import type { RtConfig } from './config.ts';
import { createHttpClient, joinUrl } from './http.ts';
import { ticketDescription, ticketSubject, updateNote } from './ticket-text.ts';

/**
 * Request Tracker 5 REST2. RT's quirks shape this file: ids come back as strings, `Location` is
 * relative, an unknown queue answers 403, and an invalid status change answers 200 with a message,
 * so every status change is verified by reading the ticket back.
 */
export function createRtAdapter(config: RtConfig, fetchImpl: FetchLike = fetch): ItsmAdapter {
  const http = createHttpClient({ vendor: 'rt', fetchImpl, timeoutMs: config.timeoutMs ?? 10_000, secrets: [config.token] });
  const headers = { Authorization: `token ${config.token}` };
  const api = (path: string) => joinUrl(config.url, path);
  const webBase = config.url.replace(/\/REST\/2\.0\/?$/, '');
  const visitIdField = config.visitIdField ?? 'KioskVisitId';
  const statuses = { started: 'open', resolved: 'resolved', noShow: 'rejected', cancelled: 'rejected', ...config.statuses };

  const toRef = (id: string | number): TicketRef => ({ remoteId: String(id), number: String(id), url: `${webBase}/Ticket/Display.html?id=${id}` });

  async function comment(ticket: TicketRef, text: string): Promise<void> {
    await http({ method: 'POST', url: api(`ticket/${ticket.remoteId}/comment`), headers, body: { Content: text, ContentType: 'text/plain' } });
  }

  async function setStatus(ticket: TicketRef, status: string): Promise<void> {
    const { body } = await http({ method: 'PUT', url: api(`ticket/${ticket.remoteId}`), headers, body: { Status: status } });
    const { body: current } = await http({ method: 'GET', url: api(`ticket/${ticket.remoteId}`), headers });
    if (current?.Status !== status) {
      // RT said 200 but did not apply it (lifecycle forbids it): retrying will not help.
      const said = Array.isArray(body) ? body.join('; ') : '';
      throw new ItsmError(`rt refused status '${status}' on ticket ${ticket.remoteId} (now '${current?.Status}')${said ? `: ${said}` : ''}`, true, 200);
    }
  }

  function statusFor(update: TicketUpdate): string | null {
    if (update.kind === 'started') return statuses.started;
    if (update.kind === 'resolved') return statuses.resolved;
    if (update.kind === 'no_show') return statuses.noShow;
    if (update.kind === 'cancelled') return statuses.cancelled;
    return null;
  }

  return {
    vendor: 'rt',
    connectionName: config.name ?? 'rt',
    createsTickets: true,
    async createTicket(draft) {
      const requestor = draft.caller.email ?? undefined;
      const { headers: responseHeaders, body } = await http({
        method: 'POST',
        url: api('ticket'),
        headers,
        body: {
          Queue: config.queue,
          Subject: ticketSubject(draft),
          Content: ticketDescription(draft),
          ContentType: 'text/plain',
          ...(requestor ? { Requestor: requestor } : {}),
          CustomFields: { [visitIdField]: draft.visitId },
        },
      });
      // The body carries the id as a string; the Location header is a relative path to the same ticket.
      const id = body?.id ?? responseHeaders.get('location')?.match(/ticket\/(\d+)/)?.[1];
      if (!id) throw new ItsmError('rt created a ticket but did not say its id', false, 201);
      return toRef(id);
    },
    async updateTicket(ticket, update) {
      const status = statusFor(update);
      // Status first: setting it again is harmless, so a retry after a failed comment repeats nothing visible.
      if (status) await setStatus(ticket, status);
      await comment(ticket, updateNote(update));
    },
    async findByCorrelationId(visitId) {
      const url = new URL(api('tickets'));
      url.searchParams.set('query', `CF.{${visitIdField}} = '${visitId.replace(/'/g, "\\'")}'`);
      url.searchParams.set('orderby', 'id');
      const { body } = await http({ method: 'GET', url: url.toString(), headers });
      const first = body?.items?.[0];
      return first ? toRef(first.id) : null;
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
