import { ItsmError, type FetchLike, type ItsmAdapter, type TicketDraft, type TicketRef, type TicketUpdate } from './adapter.ts';
import type { ServiceNowConfig } from './config.ts';
import { createHttpClient, joinUrl, type HttpRequest } from './http.ts';
import { createServiceNowAuth } from './servicenow-auth.ts';
import { impactUrgency, ticketDescription, ticketSubject, updateNote } from './ticket-text.ts';
import { checkServiceNowSetup } from './setup-checks.ts';

/** ServiceNow Table API: an incident per visit (or an interaction for the walk-up module). */
export function createServiceNowAdapter(config: ServiceNowConfig, fetchImpl: FetchLike = fetch, now = Date.now): ItsmAdapter {
  const secrets = config.auth.kind === 'basic' ? [config.auth.password] : [config.auth.clientSecret, 'password' in config.auth ? config.auth.password : undefined];
  const http = createHttpClient({ vendor: 'servicenow', fetchImpl, timeoutMs: config.timeoutMs ?? 10_000, secrets });
  const auth = createServiceNowAuth(http, config.instanceUrl, config.auth, now);
  const table = config.table ?? 'incident';
  const version = config.apiVersion ?? 'v2';
  const tableUrl = joinUrl(config.instanceUrl, `/api/now/${version}/table/${table}`);
  const isInteraction = table === 'interaction';

  /** Every call re-authenticates once on 401 (expired or revoked token), then gives up to the worker. */
  async function call(req: HttpRequest) {
    const attempt = async () => http({ ...req, headers: { ...req.headers, Authorization: await auth.header() } });
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ItsmError) || error.status !== 401) throw error;
      auth.invalidate();
      return attempt();
    }
  }

  const toRef = (row: { sys_id: string; number: string }): TicketRef => ({
    remoteId: row.sys_id,
    number: row.number,
    url: joinUrl(config.instanceUrl, `/nav_to.do?uri=${table}.do?sys_id=${row.sys_id}`),
  });

  async function query(tableName: string, sysparmQuery: string, fields: string): Promise<any | null> {
    const url = new URL(joinUrl(config.instanceUrl, `/api/now/${version}/table/${tableName}`));
    url.searchParams.set('sysparm_query', sysparmQuery);
    url.searchParams.set('sysparm_fields', fields);
    url.searchParams.set('sysparm_limit', '1');
    // v1 answers 404 "No Record found" to a query without rows; v2 answers 200 with an empty list.
    const { status, body } = await call({ method: 'GET', url: url.toString(), accept: [404] });
    if (status === 404) return null;
    return body?.result?.[0] ?? null;
  }

  async function findCaller(draft: TicketDraft): Promise<string | null> {
    const { email, employeeId } = draft.caller;
    const byEmail = email ? await query('sys_user', `email=${email}`, 'sys_id') : null;
    if (byEmail) return byEmail.sys_id;
    const byUserName = employeeId ? await query('sys_user', `user_name=${employeeId}`, 'sys_id') : null;
    return byUserName?.sys_id ?? null;
  }

  async function patch(ticket: TicketRef, fields: Record<string, unknown>): Promise<void> {
    await call({ method: 'PATCH', url: joinUrl(tableUrl, ticket.remoteId), body: fields });
  }

  function fieldsFor(update: TicketUpdate): Record<string, unknown> {
    const work_notes = updateNote(update);
    switch (update.kind) {
      case 'called':
      case 'rescheduled':
        return { work_notes };
      case 'started': {
        const assignee = update.technicianId ? config.assignees?.[update.technicianId] : undefined;
        const assigned = assignee ? { assigned_to: assignee } : {};
        return isInteraction ? { work_notes, state: 'work_in_progress', ...assigned } : { work_notes, state: 2, ...assigned };
      }
      case 'transferred':
        return update.assignmentGroup ? { work_notes, assignment_group: update.assignmentGroup } : { work_notes };
      case 'escalated':
        return { work_notes, assignment_group: update.assignmentGroup };
      case 'resolved':
        return isInteraction
          ? { work_notes, state: 'closed_complete' }
          : { state: 6, close_code: config.closeCode ?? 'Solved (Permanently)', close_notes: work_notes };
      case 'no_show':
        if (!config.cancelOnNoShow) return { work_notes };
        return isInteraction ? { work_notes, state: 'closed_abandoned' } : { work_notes, state: 8 };
      case 'cancelled':
        return isInteraction ? { work_notes, state: 'closed_abandoned' } : { work_notes, state: 8 };
    }
  }

  return {
    vendor: 'servicenow',
    connectionName: config.name ?? 'servicenow',
    createsTickets: true,
    async createTicket(draft) {
      const caller = await findCaller(draft);
      const level = impactUrgency(draft.priority);
      const common = {
        short_description: ticketSubject(draft),
        description: ticketDescription(draft),
        correlation_id: draft.visitId,
        correlation_display: `walkup ${draft.walkupTicketNumber}`,
        ...(draft.itsm.assignmentGroup ? { assignment_group: draft.itsm.assignmentGroup } : {}),
      };
      const body = isInteraction
        ? { ...common, type: 'walk-up', ...(caller ? { opened_for: caller } : {}) }
        : {
            ...common,
            contact_type: config.contactType ?? 'walk-in',
            impact: level,
            urgency: level,
            ...(caller ? { caller_id: caller } : {}),
            ...(draft.itsm.category ? { category: draft.itsm.category } : {}),
            ...(draft.itsm.subcategory ? { subcategory: draft.itsm.subcategory } : {}),
          };
      const { body: created } = await call({ method: 'POST', url: `${tableUrl}?sysparm_fields=sys_id,number`, body });
      return toRef(created.result);
    },
    async updateTicket(ticket, update) {
      await patch(ticket, fieldsFor(update));
    },
    async findByCorrelationId(visitId) {
      const row = await query(table, `correlation_id=${visitId}`, 'sys_id,number');
      return row ? toRef(row) : null;
    },
    async checkSetup() {
      return checkServiceNowSetup(() => query(table, 'correlation_idISNOTEMPTY', 'sys_id,correlation_id'), config.instanceUrl, table);
    },
    async health() {
      try {
        await query(table, 'ORDERBYDESCsys_created_on', 'sys_id');
        return { ok: true, detail: `ServiceNow ${table} table reachable` };
      } catch (error) {
        return { ok: false, detail: (error as Error).message };
      }
    },
  };
}
