import { ItsmError, type FetchLike, type ItsmAdapter, type TicketDraft, type TicketRef, type TicketUpdate } from './adapter.ts';
import type { JiraConfig } from './config.ts';
import { createHttpClient, joinUrl } from './http.ts';
import { checkJiraSetup } from './setup-checks.ts';
import { ticketDescription, ticketSubject, updateNote } from './ticket-text.ts';

/** Jira Service Management: customer requests via /rest/servicedeskapi, API token basic auth. */
export function createJiraAdapter(config: JiraConfig, fetchImpl: FetchLike = fetch): ItsmAdapter {
  const http = createHttpClient({ vendor: 'jira', fetchImpl, timeoutMs: config.timeoutMs ?? 10_000, secrets: [config.apiToken] });
  const headers = { Authorization: `Basic ${Buffer.from(`${config.email}:${config.apiToken}`).toString('base64')}` };
  const api = (path: string) => joinUrl(config.siteUrl, path);
  const label = (visitId: string) => `walkup-${visitId}`;
  const toRef = (key: string, url?: string): TicketRef => ({ remoteId: key, number: key, url: url ?? api(`/browse/${key}`) });

  function requestTypeFor(draft: TicketDraft): { serviceDeskId: string; requestTypeId: string } {
    // The category's own request type (set by an admin in the console) wins over the connection's mapping.
    const own = draft.itsm.vendorFields?.jsmRequestType;
    const mapped = draft.itsm.category ? config.requestTypes?.[draft.itsm.category] : undefined;
    return { serviceDeskId: mapped?.serviceDeskId ?? config.serviceDeskId, requestTypeId: own ?? mapped?.requestTypeId ?? config.requestTypeId };
  }

  /** raiseOnBehalfOf wants an accountId, never an email: resolve it first, or raise as the integration user. */
  async function accountIdFor(email: string | null): Promise<string | null> {
    if (!email) return null;
    const url = new URL(api('/rest/api/3/user/search'));
    url.searchParams.set('query', email);
    const { body } = await http({ method: 'GET', url: url.toString(), headers });
    const match = (body as any[] | null)?.find((u) => u.emailAddress?.toLowerCase() === email.toLowerCase()) ?? (body as any[] | null)?.[0];
    return match?.accountId ?? null;
  }

  async function comment(ticket: TicketRef, text: string): Promise<void> {
    await http({ method: 'POST', url: api(`/rest/servicedeskapi/request/${ticket.remoteId}/comment`), headers, body: { body: text, public: false } });
  }

  async function transition(ticket: TicketRef, id: string, text: string): Promise<void> {
    await http({
      method: 'POST',
      url: api(`/rest/servicedeskapi/request/${ticket.remoteId}/transition`),
      headers,
      body: { id, additionalComment: { body: text } },
    });
  }

  function transitionFor(update: TicketUpdate): string | undefined {
    const t = config.transitions ?? {};
    if (update.kind === 'started') return t.start;
    if (update.kind === 'resolved') return t.resolve;
    if (update.kind === 'cancelled') return t.cancel;
    if (update.kind === 'no_show') return t.noShow ?? t.cancel;
    return undefined;
  }

  return {
    vendor: 'jira',
    connectionName: config.name ?? 'jira',
    createsTickets: true,
    async createTicket(draft) {
      const accountId = await accountIdFor(draft.caller.email);
      const correlation = config.correlationFieldId ? { [config.correlationFieldId]: draft.visitId } : { labels: [label(draft.visitId)] };
      const { body } = await http({
        method: 'POST',
        url: api('/rest/servicedeskapi/request'),
        headers,
        body: {
          ...requestTypeFor(draft),
          requestFieldValues: { summary: ticketSubject(draft), description: ticketDescription(draft), ...correlation },
          ...(accountId ? { raiseOnBehalfOf: accountId } : {}),
        },
      });
      if (!body?.issueKey) throw new ItsmError('jira created a request but did not say its key', false, 201);
      return toRef(body.issueKey, body._links?.web);
    },
    async updateTicket(ticket, update) {
      const note = updateNote(update);
      const id = transitionFor(update);
      if (id) await transition(ticket, id, note);
      else await comment(ticket, note);
    },
    async findByCorrelationId(visitId) {
      const jql = config.correlationFieldId
        ? `cf[${config.correlationFieldId.replace('customfield_', '')}] ~ "${visitId}"`
        : `labels = "${label(visitId)}"`;
      const url = new URL(api('/rest/api/3/search/jql'));
      url.searchParams.set('jql', jql);
      url.searchParams.set('fields', 'key');
      url.searchParams.set('maxResults', '1');
      const { body } = await http({ method: 'GET', url: url.toString(), headers });
      const issue = body?.issues?.[0];
      return issue ? toRef(issue.key) : null;
    },
    async checkSetup(mapped) {
      const requestTypes = [
        { serviceDeskId: config.serviceDeskId, requestTypeId: config.requestTypeId },
        ...Object.values(config.requestTypes ?? {}).map((t) => ({ serviceDeskId: t.serviceDeskId ?? config.serviceDeskId, requestTypeId: t.requestTypeId })),
        ...(mapped?.jsmRequestTypes ?? []).map((requestTypeId) => ({ serviceDeskId: config.serviceDeskId, requestTypeId })),
      ];
      return checkJiraSetup({ http, api, headers, siteUrl: config.siteUrl }, requestTypes);
    },
    async health() {
      try {
        await http({ method: 'GET', url: api(`/rest/servicedeskapi/servicedesk/${config.serviceDeskId}`), headers });
        return { ok: true, detail: 'Jira Service Management reachable' };
      } catch (error) {
        return { ok: false, detail: (error as Error).message };
      }
    },
  };
}
