import { ItsmError, type FetchLike, type ItsmAdapter, type TicketRef, type TicketUpdate } from './adapter.ts';
import type { GlpiConfig } from './config.ts';
import { createHttpClient, joinUrl, type HttpRequest } from './http.ts';
import { checkGlpiSetup } from './setup-checks.ts';
import { impactUrgency, ticketDescription, ticketSubject, updateNote } from './ticket-text.ts';

// GLPI ticket statuses.
const closedStatus = 6;
const assignedGroupType = 2;

/**
 * GLPI legacy REST API (apirest.php). A session token comes from initSession (user token + app
 * token) and expires server-side, so ERROR_SESSION_TOKEN_INVALID re-opens it once.
 */
export function createGlpiAdapter(config: GlpiConfig, fetchImpl: FetchLike = fetch): ItsmAdapter {
  const http = createHttpClient({ vendor: 'glpi', fetchImpl, timeoutMs: config.timeoutMs ?? 10_000, secrets: [config.userToken, config.appToken] });
  const api = (path: string) => joinUrl(config.apiUrl, path);
  const webBase = config.apiUrl.replace(/\/apirest\.php\/?$/, '');
  let session: Promise<string> | null = null;

  const toRef = (id: number | string): TicketRef => ({ remoteId: String(id), number: String(id), url: `${webBase}/front/ticket.form.php?id=${id}` });

  async function openSession(): Promise<string> {
    const { body } = await http({
      method: 'GET',
      url: api('initSession'),
      headers: { Authorization: `user_token ${config.userToken}`, 'App-Token': config.appToken },
    });
    if (!body?.session_token) throw new ItsmError('glpi initSession returned no session token', false, 200);
    return body.session_token;
  }

  async function call(req: HttpRequest) {
    const attempt = async () => {
      session ??= openSession().catch((error) => {
        session = null;
        throw error;
      });
      const token = await session;
      return http({ ...req, headers: { ...req.headers, 'Session-Token': token, 'App-Token': config.appToken } });
    };
    try {
      return await attempt();
    } catch (error) {
      const expired = error instanceof ItsmError && error.status === 401 && /SESSION_TOKEN_INVALID|session/i.test(error.message);
      if (!expired) throw error;
      session = null;
      return attempt();
    }
  }

  const followup = (ticket: TicketRef, content: string) =>
    call({ method: 'POST', url: api('ITILFollowup'), body: { input: { itemtype: 'Ticket', items_id: Number(ticket.remoteId), content, is_private: 1 } } });

  async function apply(ticket: TicketRef, update: TicketUpdate): Promise<void> {
    const note = updateNote(update);
    switch (update.kind) {
      case 'transferred':
      case 'escalated': {
        const group = update.assignmentGroup;
        // GLPI assigns groups by numeric id; a name cannot be assigned, so it only goes in the followup.
        if (group && /^\d+$/.test(group)) {
          await call({ method: 'POST', url: api('Group_Ticket'), body: { input: { tickets_id: Number(ticket.remoteId), groups_id: Number(group), type: assignedGroupType } } });
        }
        await followup(ticket, note);
        return;
      }
      case 'resolved':
        await call({
          method: 'POST',
          url: api('ITILSolution'),
          body: { input: { itemtype: 'Ticket', items_id: Number(ticket.remoteId), content: note, ...(config.solutionTypeId ? { solutiontypes_id: config.solutionTypeId } : {}) } },
        });
        return;
      case 'no_show':
      case 'cancelled':
        // GLPI has no "cancelled" status: record why, then close.
        await followup(ticket, note);
        await call({ method: 'PUT', url: api(`Ticket/${ticket.remoteId}`), body: { input: { status: closedStatus } } });
        return;
      default:
        await followup(ticket, note);
    }
  }

  return {
    vendor: 'glpi',
    connectionName: config.name ?? 'glpi',
    createsTickets: true,
    async createTicket(draft) {
      const level = impactUrgency(draft.priority) === 1 ? 4 : impactUrgency(draft.priority) === 2 ? 3 : 2;
      // The category's own GLPI category id (set in the console) wins over the generic ITSM category.
      const categoryId = draft.itsm.vendorFields?.glpiCategory ?? draft.itsm.category;
      const category = categoryId && /^\d+$/.test(categoryId) ? Number(categoryId) : undefined;
      const { body } = await call({
        method: 'POST',
        url: api('Ticket'),
        body: {
          input: {
            name: ticketSubject(draft),
            content: ticketDescription(draft),
            type: 1,
            urgency: level,
            impact: level,
            requesttypes_id: config.requestSourceId ?? 4,
            externalid: draft.visitId,
            ...(category ? { itilcategories_id: category } : {}),
            ...(draft.caller.email ? { _users_id_requester_notif: { use_notification: [1], alternative_email: [draft.caller.email] } } : {}),
          },
        },
      });
      if (!body?.id) throw new ItsmError('glpi created a ticket but did not say its id', false, 201);
      return toRef(body.id);
    },
    async updateTicket(ticket, update) {
      await apply(ticket, update);
    },
    async findByCorrelationId(visitId) {
      const url = new URL(api('Ticket'));
      // ^...$ makes GLPI's LIKE filter an exact match.
      url.searchParams.set('searchText[externalid]', `^${visitId}$`);
      url.searchParams.set('range', '0-0');
      const { body } = await call({ method: 'GET', url: url.toString() });
      const first = Array.isArray(body) ? body[0] : null;
      return first ? toRef(first.id) : null;
    },
    async checkSetup(mapped) {
      return checkGlpiSetup({ call, api, apiUrl: config.apiUrl }, mapped?.glpiCategories ?? []);
    },
    async health() {
      try {
        await call({ method: 'GET', url: api('getFullSession') });
        return { ok: true, detail: 'GLPI session open' };
      } catch (error) {
        return { ok: false, detail: (error as Error).message };
      }
    },
    async close() {
      if (!session) return;
      const token = await session.catch(() => null);
      session = null;
      if (token) await http({ method: 'GET', url: api('killSession'), headers: { 'Session-Token': token, 'App-Token': config.appToken } }).catch(() => {});
    },
  };
}
