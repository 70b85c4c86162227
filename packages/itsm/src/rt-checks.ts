import { ItsmError } from './adapter.ts';
import type { HttpClient } from './http.ts';

/** How long a queue found to have the visit id field applied is trusted before it is checked again. */
const queueCheckTtlMs = 10 * 60_000;

export interface RtChecksOptions {
  http: HttpClient;
  api: (path: string) => string;
  headers: Record<string, string>;
  visitIdField: string;
  nowMs?: () => number;
}

/** The fields of an RT ticket the adapter changes, as REST2 reads them back. */
export interface RtTicketFields {
  Status?: string;
  Owner?: string;
  Queue?: string;
}

/**
 * RT answers 200 (or 201) to changes it does not make: a custom field not applied to the queue is
 * dropped silently, and so are a status the lifecycle forbids, an owner without the OwnTicket right
 * and a queue the token may not move tickets into. Every change is therefore read back here.
 */
export function createRtChecks(options: RtChecksOptions) {
  const { http, api, headers, visitIdField } = options;
  const nowMs = options.nowMs ?? Date.now;
  const verifiedQueues = new Map<string, number>();
  const queueIds = new Map<string, string>();

  async function readQueue(name: string): Promise<any> {
    const { status, body } = await http({ method: 'GET', url: api(`queue/${encodeURIComponent(name)}`), headers, accept: [404] });
    if (status === 404) throw new ItsmError(`queue ${name} does not exist in RT or the token may not see it (SeeQueue right)`, true, 404, null, true);
    return body;
  }

  async function queueId(name: string): Promise<string> {
    let id = queueIds.get(name);
    if (!id) queueIds.set(name, (id = String((await readQueue(name))?.id ?? '')));
    return id;
  }

  const missingFieldMessage = (queue: string) =>
    `custom field ${visitIdField} is not applied to queue ${queue} in RT, so tickets could not be found again by visit id; ` +
    `apply it (RT Admin > Custom Fields > ${visitIdField} > Applies to) and retry`;

  return {
    missingFieldMessage,

    /** Refuses to create anything in a queue that would drop the visit id (checked before the first create, then every 10 minutes). */
    async requireVisitField(queue: string): Promise<void> {
      if ((verifiedQueues.get(queue) ?? -Infinity) > nowMs() - queueCheckTtlMs) return;
      const body = await readQueue(queue);
      const applied = Array.isArray(body?.TicketCustomFields) && body.TicketCustomFields.some((cf: { name?: string }) => cf.name === visitIdField);
      // Nothing was sent yet: `notApplied` lets the worker skip the lookup when an admin retries.
      if (!applied) throw new ItsmError(missingFieldMessage(queue), true, 200, null, true);
      verifiedQueues.set(queue, nowMs());
    },

    /** Whether the ticket carries the visit id, i.e. whether a lookup by visit id will find it. */
    async ticketHasVisitId(ticketId: string, visitId: string): Promise<boolean> {
      const { body } = await http({ method: 'GET', url: api(`ticket/${ticketId}`), headers });
      const field = Array.isArray(body?.CustomFields) ? body.CustomFields.find((cf: { name?: string }) => cf.name === visitIdField) : null;
      return Array.isArray(field?.values) && field.values.includes(visitId);
    },

    /** Changes fields of a ticket and reads it back; a change RT did not make is permanent (retrying will not help). */
    async change(ticketId: string, fields: RtTicketFields): Promise<void> {
      const { body: said } = await http({ method: 'PUT', url: api(`ticket/${ticketId}`), headers, body: fields });
      const { body: current } = await http({ method: 'GET', url: api(`ticket/${ticketId}`), headers });
      const refused: string[] = [];
      if (fields.Status !== undefined && current?.Status !== fields.Status) refused.push(`status '${fields.Status}' (now '${current?.Status}')`);
      const owner = String(current?.Owner?.id ?? current?.Owner ?? '');
      if (fields.Owner !== undefined && owner.toLowerCase() !== fields.Owner.toLowerCase()) refused.push(`owner '${fields.Owner}' (now '${owner}')`);
      if (fields.Queue !== undefined && String(current?.Queue?.id ?? '') !== (await queueId(fields.Queue))) refused.push(`queue '${fields.Queue}'`);
      if (refused.length === 0) return;
      const message = Array.isArray(said) ? said.join('; ') : '';
      throw new ItsmError(`rt refused ${refused.join(', ')} on ticket ${ticketId}${message ? `: ${message}` : ''}`, true, 200);
    },
  };
}
