import { HttpResponse, http } from 'msw';
import { createFaults, withFaults } from './faults.ts';

/**
 * GLPI 10 legacy REST API (apirest.php), shaped like its apirest.md: `initSession` answers
 * `{ session_token }`, errors are `["ERROR_CODE", "message"]` arrays, creations `{ id, message }`.
 */
export function createGlpiMock(options: { apiUrl?: string; appToken?: string; userToken?: string; categories?: number[] } = {}) {
  const categories = options.categories ?? [3, 7];
  const apiUrl = options.apiUrl ?? 'https://glpi.acme.test/apirest.php';
  const creds = { appToken: options.appToken ?? 'f7g3csp8mgatg5ebc5elnazakw20i9fyev1qopya7', userToken: options.userToken ?? 'q56hqkniwot8wntb3z1qarka5atf365taaa2uyjrn' };
  const sessions = new Set<string>();
  const tickets = new Map<number, { id: number; input: Record<string, any>; followups: string[]; solutions: string[]; groups: number[] }>();
  const log: string[] = [];
  const faults = createFaults();
  let nextTicket = 1;
  let nextSession = 0;
  const error = (status: number, code: string, message: string) => HttpResponse.json([code, message], { status });
  const session = (request: Request) => {
    if (request.headers.get('app-token') !== creds.appToken) return error(400, 'ERROR_WRONG_APP_TOKEN_PARAMETER', 'parameter app_token seems wrong');
    if (!sessions.has(request.headers.get('session-token') ?? '')) return error(401, 'ERROR_SESSION_TOKEN_INVALID', 'session_token seems invalid');
    return null;
  };

  const handlers = [
    http.get(`${apiUrl}/initSession`, ({ request }) =>
      withFaults(faults, () => {
        if (request.headers.get('app-token') !== creds.appToken) return error(400, 'ERROR_WRONG_APP_TOKEN_PARAMETER', 'parameter app_token seems wrong');
        if (request.headers.get('authorization') !== `user_token ${creds.userToken}`) return error(401, 'ERROR_GLPI_LOGIN_USER_TOKEN', 'parameter user_token seems invalid');
        const token = `session-${++nextSession}`;
        sessions.add(token);
        log.push('initSession');
        return HttpResponse.json({ session_token: token });
      }),
    ),
    http.get(`${apiUrl}/killSession`, ({ request }) =>
      withFaults(faults, () => {
        sessions.delete(request.headers.get('session-token') ?? '');
        log.push('killSession');
        return HttpResponse.json(true);
      }),
    ),
    http.get(`${apiUrl}/ITILCategory/:id`, ({ request, params }) =>
      withFaults(faults, () => {
        const refused = session(request);
        if (refused) return refused;
        if (!categories.includes(Number(params.id))) return error(404, 'ERROR_ITEM_NOT_FOUND', 'Item not found');
        return HttpResponse.json({ id: Number(params.id), name: 'Hardware', completename: 'Hardware' });
      }),
    ),
    http.get(`${apiUrl}/getFullSession`, ({ request }) => withFaults(faults, () => session(request) ?? HttpResponse.json({ session: { glpiID: 7 } }))),
    http.post(`${apiUrl}/Ticket`, ({ request }) =>
      withFaults(faults, async () => {
        const denied = session(request);
        if (denied) return denied;
        const { input } = (await request.json()) as any;
        if (!input?.name) return error(400, 'ERROR_GLPI_ADD', 'Bad request');
        const id = nextTicket++;
        tickets.set(id, { id, input, followups: [], solutions: [], groups: [] });
        log.push(`Ticket ${id}`);
        return HttpResponse.json({ id, message: `Item successfully added: ${input.name}` }, { status: 201, headers: { Location: `${apiUrl}/Ticket/${id}` } });
      }),
    ),
    http.get(`${apiUrl}/Ticket`, ({ request }) =>
      withFaults(faults, () => {
        const denied = session(request);
        if (denied) return denied;
        const wanted = new URL(request.url).searchParams.get('searchText[externalid]')?.replace(/^\^|\$$/g, '');
        const rows = [...tickets.values()].filter((t) => t.input.externalid === wanted).map((t) => ({ id: t.id, name: t.input.name, externalid: t.input.externalid }));
        return HttpResponse.json(rows, { status: rows.length ? 200 : 200, headers: { 'Content-Range': `0-${Math.max(0, rows.length - 1)}/${rows.length}` } });
      }),
    ),
    http.put(`${apiUrl}/Ticket/:id`, ({ request, params }) =>
      withFaults(faults, async () => {
        const denied = session(request);
        if (denied) return denied;
        const ticket = tickets.get(Number(params.id));
        if (!ticket) return error(404, 'ERROR_ITEM_NOT_FOUND', 'Item not found');
        const { input } = (await request.json()) as any;
        Object.assign(ticket.input, input);
        log.push(`status ${input.status}`);
        return HttpResponse.json([{ [String(ticket.id)]: true, message: '' }]);
      }),
    ),
    ...(['ITILFollowup', 'ITILSolution', 'Group_Ticket'] as const).map((itemtype) =>
      http.post(`${apiUrl}/${itemtype}`, ({ request }) =>
        withFaults(faults, async () => {
          const denied = session(request);
          if (denied) return denied;
          const { input } = (await request.json()) as any;
          const ticket = tickets.get(Number(input.items_id ?? input.tickets_id));
          if (!ticket) return error(400, 'ERROR_GLPI_ADD', 'Bad request');
          if (itemtype === 'ITILFollowup') ticket.followups.push(input.content);
          if (itemtype === 'ITILSolution') ticket.solutions.push(input.content);
          if (itemtype === 'Group_Ticket') ticket.groups.push(input.groups_id);
          log.push(itemtype);
          return HttpResponse.json({ id: log.length, message: '' }, { status: 201 });
        }),
      ),
    ),
  ];
  return { apiUrl, creds, handlers, tickets, sessions, log, faults };
}
