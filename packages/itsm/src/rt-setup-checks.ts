import { ItsmError, type SetupCheck } from './adapter.ts';
import type { RtConfig } from './config.ts';
import type { HttpClient } from './http.ts';

/** Statuses of RT's shipped "default" lifecycle; custom lifecycles are not readable through REST2. */
const defaultLifecycleStatuses = new Set(['new', 'open', 'stalled', 'resolved', 'rejected', 'deleted']);

interface RtSetupOptions {
  http: HttpClient;
  api: (path: string) => string;
  headers: Record<string, string>;
  config: RtConfig;
  visitIdField: string;
  statuses: Record<string, string>;
}

const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * What a create needs from RT, queue by queue: the queue exists and the token sees it, the token may
 * create tickets there (REST2 only offers the queue's "create" link when it holds CreateTicket), the
 * visit id field is applied to it, and the statuses walkup sets belong to its lifecycle.
 */
export async function checkRtSetup(options: RtSetupOptions, extraQueues: string[] = []): Promise<SetupCheck[]> {
  const { http, api, headers, config, visitIdField, statuses } = options;
  const results: SetupCheck[] = [];
  try {
    await http({ method: 'GET', url: api('rt'), headers });
    results.push({ check: 'token', ok: true, message: 'Request Tracker answers and accepts the token.' });
  } catch (error) {
    const status = error instanceof ItsmError ? error.status : null;
    const message =
      status === 401 || status === 403
        ? 'Request Tracker refused the token (401): create a new auth token for the walkup user (RT > Logged in as > Settings > Auth Tokens) and save it here.'
        : `Request Tracker cannot be reached at ${config.url}: ${describeError(error)}. Check the URL (it ends in /REST/2.0) and the network.`;
    return [{ check: 'token', ok: false, message }];
  }

  const queues = [...new Set([config.queue, ...extraQueues, ...Object.values(config.escalationQueues ?? {})])];
  for (const queue of queues) results.push(...(await checkQueue(queue)));
  return results;

  async function checkQueue(queue: string): Promise<SetupCheck[]> {
    const { status, body } = await http({ method: 'GET', url: api(`queue/${encodeURIComponent(queue)}`), headers, accept: [403, 404] });
    if (status !== 200) {
      return [{
        check: `queue ${queue}`,
        ok: false,
        message: `Queue "${queue}" does not exist in Request Tracker, or the token's user may not see it (SeeQueue right). Create the queue or correct its name in the mapping.`,
      }];
    }
    const canCreate = Array.isArray(body?._hyperlinks) && body._hyperlinks.some((link: { ref?: string }) => link.ref === 'create');
    const fieldApplied = Array.isArray(body?.TicketCustomFields) && body.TicketCustomFields.some((cf: { name?: string }) => cf.name === visitIdField);
    const lifecycle = typeof body?.Lifecycle === 'string' ? body.Lifecycle : 'default';
    const used = [...new Set(Object.values(statuses))];
    const unknown = lifecycle === 'default' ? used.filter((s) => !defaultLifecycleStatuses.has(s)) : [];
    return [
      { check: `queue ${queue}`, ok: true, message: `Queue "${queue}" exists.` },
      {
        check: `create rights in ${queue}`,
        ok: canCreate,
        message: canCreate
          ? `The token may create tickets in "${queue}".`
          : `The token's user may not create tickets in "${queue}": grant it the CreateTicket right on that queue (RT Admin > Queues > ${queue} > User Rights).`,
      },
      {
        check: `visit id field in ${queue}`,
        ok: fieldApplied,
        message: fieldApplied
          ? `Custom field ${visitIdField} is applied to "${queue}".`
          : `Custom field ${visitIdField} is not applied to "${queue}", so its tickets could not be found again by visit id: apply it (RT Admin > Custom Fields > ${visitIdField} > Applies to > ${queue}).`,
      },
      {
        check: `statuses in ${queue}`,
        ok: unknown.length === 0,
        message:
          unknown.length > 0
            ? `Status ${unknown.map((s) => `"${s}"`).join(', ')} is not in the lifecycle of "${queue}" (${[...defaultLifecycleStatuses].join(', ')}): correct the connection's statuses.`
            : lifecycle === 'default'
              ? `The statuses walkup sets (${used.join(', ')}) exist in "${queue}".`
              : `"${queue}" uses lifecycle "${lifecycle}", which REST2 cannot list: make sure it has ${used.join(', ')}.`,
      },
    ];
  }
}
