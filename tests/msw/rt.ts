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
  Owner: string;
  Priority: number;
  CustomFields: Record<string, string>;
  comments: string[];
  correspondence: string[];
}

const lifecycle = new Set(['new', 'open', 'stalled', 'resolved', 'rejected', 'deleted']);

/**
 * `queueFields` lists the ticket custom fields applied to each queue (default: KioskVisitId on every
 * queue); like RT, a create silently drops a field that is not applied. `owners` are the users with
 * the OwnTicket right: setting anyone else answers 200 with a message and changes nothing.
 */
export function createRtMock(options: { base?: string; token?: string; queues?: string[]; queueFields?: Record<string, string[]>; owners?: string[]; noCreateRight?: string[] } = {}) {
  const base = options.base ?? 'https://rt.example.test/REST/2.0';
  const token = options.token ?? '1-14-6d5d09571f04248402e65e2f11ad208b';
  const queues = options.queues ?? ['Walk-up', 'General'];
  const queueFields: Record<string, string[]> = options.queueFields ?? {};
  const fieldsOf = (queue: string) => queueFields[queue] ?? ['KioskVisitId'];
  const owners = options.owners ?? ['root', 'alex'];
  const tickets = new Map<number, RtTicket>();
  const history: Array<{ id: number; kind: 'comment' | 'correspond' | 'status' | 'owner' | 'queue'; value: string }> = [];
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
    Owner: { id: t.Owner, type: 'user', _url: `${base}/user/${t.Owner}` },
    Priority: String(t.Priority),
    CustomFields: Object.entries(t.CustomFields).map(([name, value], i) => ({ id: String(i + 2), name, type: 'customfield', values: [value], _url: `${base}/customfield/${i + 2}` })),
    EffectiveId: { id: String(t.id), type: 'ticket', _url: `${base}/ticket/${t.id}` },
  });

  const handlers = [
    http.get(`${base}/queue/:name`, ({ request, params }) =>
      withFaults(faults, () => {
        if (!authorised(request)) return unauthorised();
        const name = String(params.name);
        if (!queues.includes(name)) return notFound();
        const id = String(queues.indexOf(name) + 3);
        const TicketCustomFields = fieldsOf(name).map((field, i) => ({ id: String(i + 2), type: 'customfield', ref: 'customfield', name: field, _url: `${base}/customfield/${i + 2}` }));
        // Like RT 5, the "create" link is only offered when the token's user holds CreateTicket on the queue.
        const _hyperlinks = [
          { ref: 'self', type: 'queue', id: Number(id), _url: `${base}/queue/${id}` },
          ...(options.noCreateRight?.includes(name) ? [] : [{ ref: 'create', type: 'ticket', _url: `${base}/ticket?Queue=${id}` }]),
        ];
        return HttpResponse.json({ id, Name: name, Lifecycle: 'default', TicketCustomFields, _hyperlinks });
      }),
    ),
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
          Owner: 'Nobody',
          Priority: body.Priority ?? 0,
          // RT keeps only the fields applied to the queue, and still answers 201.
          CustomFields: Object.fromEntries(Object.entries(body.CustomFields ?? {}).filter(([field]) => fieldsOf(body.Queue).includes(field))) as Record<string, string>,
          comments: [],
          correspondence: [],
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
        const said: string[] = [];
        if (body.Owner !== undefined && body.Owner !== ticket.Owner) {
          if (!owners.includes(body.Owner)) said.push('That user may not own tickets in that queue');
          else {
            said.push(`Ticket ${ticket.id}: Owner changed from ${ticket.Owner} to ${body.Owner}`);
            ticket.Owner = body.Owner;
            history.push({ id: ticket.id, kind: 'owner', value: body.Owner });
          }
        }
        if (body.Queue !== undefined && body.Queue !== ticket.Queue) {
          if (!queues.includes(body.Queue)) said.push(`Queue ${body.Queue} not found`);
          else {
            said.push(`Ticket ${ticket.id}: Queue changed from ${ticket.Queue} to ${body.Queue}`);
            ticket.Queue = body.Queue;
            history.push({ id: ticket.id, kind: 'queue', value: body.Queue });
          }
        }
        if (body.Status && body.Status !== ticket.Status) {
          if (!lifecycle.has(body.Status)) said.push(`Ticket ${ticket.id}: Status '${body.Status}' isn't a valid status for this ticket.`);
          else {
            said.push(`Ticket ${ticket.id}: Status changed from '${ticket.Status}' to '${body.Status}'`);
            ticket.Status = body.Status;
            history.push({ id: ticket.id, kind: 'status', value: body.Status });
          }
        }
        return HttpResponse.json(said);
      }),
    ),
    http.post(`${base}/ticket/:id/:kind`, ({ request, params }) =>
      withFaults(faults, async () => {
        if (!authorised(request)) return unauthorised();
        const ticket = tickets.get(Number(params.id));
        if (!ticket) return notFound();
        const kind = params.kind;
        if (kind !== 'comment' && kind !== 'correspond') return notFound();
        const body = (await request.json()) as any;
        (kind === 'comment' ? ticket.comments : ticket.correspondence).push(body.Content);
        history.push({ id: ticket.id, kind, value: body.Content });
        return HttpResponse.json([kind === 'comment' ? 'Comments added' : 'Correspondence added'], { status: 201, headers: { Location: `${new URL(base).pathname}/transaction/${40 + history.length}` } });
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

  return { base, origin, token, handlers, tickets, history, faults, queueFields, byVisit: (visitId: string, field = 'KioskVisitId') => [...tickets.values()].filter((t) => t.CustomFields[field] === visitId) };
}

export type RtMock = ReturnType<typeof createRtMock>;
