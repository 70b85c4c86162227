import { HttpResponse, http } from 'msw';
import { createFaults, withFaults } from './faults.ts';

/**
 * Request Tracker 5 REST2, shaped like a real RT 5.0.3 answers (captured from Debian's package):
 * string ids on create, a relative Location, 403 for an unknown queue, 200-with-a-message for a
 * status change the lifecycle refuses.
 */
export interface RtTicket {
  id: number;
  Queue: string;
  Subject: string;
  Status: string;
  Requestor: string[];
  CustomFields: Record<string, string>;
  comments: string[];
}

const lifecycle = new Set(['new', 'open', 'stalled', 'resolved', 'rejected', 'deleted']);

export function createRtMock(options: { base?: string; token?: string; queues?: string[] } = {}) {
  const base = options.base ?? 'https://rt.example.test/REST/2.0';
  const token = options.token ?? '1-14-6d5d09571f04248402e65e2f11ad208b';
  const queues = options.queues ?? ['Walk-up', 'General'];
  const tickets = new Map<number, RtTicket>();
  const history: Array<{ id: number; kind: 'comment' | 'status'; value: string }> = [];
  const faults = createFaults();
  let nextId = 1;
  const origin = new URL(base).origin;

  const authorised = (request: Request) => request.headers.get('authorization') === `token ${token}`;
  const unauthorised = () => HttpResponse.json({ message: 'Unauthorized' }, { status: 401 });
  const notFound = () => HttpResponse.json({ message: 'Not Found' }, { status: 404 });
  const view = (t: RtTicket) => ({
    id: t.id,
    Subject: t.Subject,
    Status: t.Status,
    Queue: { type: 'queue', id: String(queues.indexOf(t.Queue) + 3), _url: `${base}/queue/${queues.indexOf(t.Queue) + 3}` },
    Requestor: t.Requestor.map((r) => ({ id: r, type: 'user', _url: `${base}/user/${r}` })),
    CustomFields: Object.entries(t.CustomFields).map(([name, value], i) => ({ id: String(i + 2), name, type: 'customfield', values: [value], _url: `${base}/customfield/${i + 2}` })),
    EffectiveId: { id: String(t.id), type: 'ticket', _url: `${base}/ticket/${t.id}` },
  });

  const handlers = [
    http.get(`${base}/rt`, ({ request }) => withFaults(faults, () => (authorised(request) ? HttpResponse.json({ Version: '5.0.3', Plugins: [] }) : unauthorised()))),
    http.post(`${base}/ticket`, ({ request }) =>
      withFaults(faults, async () => {
        if (!authorised(request)) return unauthorised();
        const body = (await request.json()) as any;
        if (!queues.includes(body.Queue)) return HttpResponse.json({ message: `No permission to create tickets in the queue '${body.Queue}'` }, { status: 403 });
        const id = nextId++;
        tickets.set(id, {
          id,
          Queue: body.Queue,
          Subject: body.Subject ?? '',
          Status: 'new',
          Requestor: body.Requestor ? [body.Requestor] : [],
          CustomFields: { ...body.CustomFields },
          comments: [],
        });
        return HttpResponse.json({ _url: `${base}/ticket/${id}`, id: String(id), type: 'ticket' }, { status: 201, headers: { Location: `${new URL(base).pathname}/ticket/${id}` } });
      }),
    ),
    http.get(`${base}/ticket/:id`, ({ request, params }) =>
      withFaults(faults, () => {
        if (!authorised(request)) return unauthorised();
        const ticket = tickets.get(Number(params.id));
        return ticket ? HttpResponse.json(view(ticket)) : notFound();
      }),
    ),
    http.put(`${base}/ticket/:id`, ({ request, params }) =>
      withFaults(faults, async () => {
        if (!authorised(request)) return unauthorised();
        const ticket = tickets.get(Number(params.id));
        if (!ticket) return notFound();
        const body = (await request.json()) as any;
        if (!body.Status || body.Status === ticket.Status) return HttpResponse.json([]);
        if (!lifecycle.has(body.Status)) return HttpResponse.json([`Ticket ${ticket.id}: Status '${body.Status}' isn't a valid status for this ticket.`]);
        const before = ticket.Status;
        ticket.Status = body.Status;
        history.push({ id: ticket.id, kind: 'status', value: body.Status });
        return HttpResponse.json([`Ticket ${ticket.id}: Status changed from '${before}' to '${body.Status}'`]);
      }),
    ),
    http.post(`${base}/ticket/:id/comment`, ({ request, params }) =>
      withFaults(faults, async () => {
        if (!authorised(request)) return unauthorised();
        const ticket = tickets.get(Number(params.id));
        if (!ticket) return notFound();
        const body = (await request.json()) as any;
        ticket.comments.push(body.Content);
        history.push({ id: ticket.id, kind: 'comment', value: body.Content });
        return HttpResponse.json(['Comments added'], { status: 201, headers: { Location: `${new URL(base).pathname}/transaction/${40 + history.length}` } });
      }),
    ),
    http.get(`${base}/tickets`, ({ request }) =>
      withFaults(faults, () => {
        if (!authorised(request)) return unauthorised();
        const query = new URL(request.url).searchParams.get('query') ?? '';
        const match = query.match(/CF\.\{(.+?)\}\s*=\s*'(.*)'/);
        const items = [...tickets.values()]
          .filter((t) => match && t.CustomFields[match[1]!] === match[2])
          .map((t) => ({ id: String(t.id), type: 'ticket', _url: `${base}/ticket/${t.id}` }));
        return HttpResponse.json({ count: items.length, page: 1, pages: items.length ? 1 : 0, per_page: 20, total: items.length, items });
      }),
    ),
  ];

  return { base, origin, token, handlers, tickets, history, faults, byVisit: (visitId: string, field = 'KioskVisitId') => [...tickets.values()].filter((t) => t.CustomFields[field] === visitId) };
}

export type RtMock = ReturnType<typeof createRtMock>;
