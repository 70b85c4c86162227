import { HttpResponse, http } from 'msw';
import { createFaults, withFaults } from './faults.ts';

/**
 * A ServiceNow instance for tests, shaped like the Table API docs: `{ result: ... }` bodies,
 * `{ error: { message, detail }, status: 'failure' }` errors, v1 answering 404 to empty queries.
 * Browser-safe: no Node imports (the browser test uses it too).
 */
export interface ServiceNowRecord {
  sys_id: string;
  number: string;
  table: string;
  fields: Record<string, unknown>;
  workNotes: string[];
}

const failure = (status: number, message: string, detail: string) => HttpResponse.json({ error: { message, detail }, status: 'failure' }, { status });

export function createServiceNowMock(options: { instanceUrl?: string; username?: string; password?: string; clientId?: string; clientSecret?: string } = {}) {
  const base = options.instanceUrl ?? 'https://acme.service-now.com';
  const creds = { username: 'walkup.integration', password: 's3cret-pass', clientId: 'client-1', clientSecret: 'client-secret-1', ...options };
  const records = new Map<string, ServiceNowRecord>();
  const users = [
    { sys_id: '62826bf03710200044e0bfc8bcbe5df1', email: 'abel.tuter@example.com', user_name: 'abel.tuter' },
    { sys_id: '5137153cc611227c000bbd1bd8cd2005', email: 'fred.luddy@example.com', user_name: 'fred.luddy' },
  ];
  const tokens = new Set<string>();
  const calls: Array<{ method: string; path: string }> = [];
  /** Every PATCH in arrival order: what the "updates applied once and in order" assertions read. */
  const patches: Array<{ sys_id: string; fields: Record<string, unknown> }> = [];
  const faults = createFaults();
  let counter = 10000;
  let tokenCounter = 0;

  function authorised(request: Request): boolean {
    const header = request.headers.get('authorization') ?? '';
    if (header.startsWith('Bearer ')) return tokens.has(header.slice(7));
    return header === `Basic ${btoa(`${creds.username}:${creds.password}`)}`;
  }
  const unauthorised = () => failure(401, 'User Not Authenticated', 'Required to provide Auth information');

  function matches(record: ServiceNowRecord, query: string): boolean {
    return query.split('^').every((clause) => {
      const [field, value] = clause.split('=');
      if (!field || field.startsWith('ORDERBY')) return true;
      return String(record.fields[field] ?? '') === value;
    });
  }

  const handlers = [
    http.post(`${base}/oauth_token.do`, ({ request }) =>
      withFaults(faults, async () => {
        const form = new URLSearchParams(await request.text());
        if (form.get('client_id') !== creds.clientId || form.get('client_secret') !== creds.clientSecret) {
          return HttpResponse.json({ error_description: 'access_denied', error: 'server_error' }, { status: 401 });
        }
        if (form.get('grant_type') === 'password' && (form.get('username') !== creds.username || form.get('password') !== creds.password)) {
          return HttpResponse.json({ error_description: 'access_denied', error: 'server_error' }, { status: 401 });
        }
        const token = `token-${++tokenCounter}`;
        tokens.add(token);
        return HttpResponse.json({ access_token: token, refresh_token: `refresh-${tokenCounter}`, scope: 'useraccount', token_type: 'Bearer', expires_in: 1799 });
      }),
    ),
    http.get(`${base}/api/now/:version/table/:table`, ({ request, params }) =>
      withFaults(faults, () => {
        calls.push({ method: 'GET', path: new URL(request.url).pathname });
        if (!authorised(request)) return unauthorised();
        const url = new URL(request.url);
        const query = url.searchParams.get('sysparm_query') ?? '';
        const limit = Number(url.searchParams.get('sysparm_limit') ?? 10000);
        const rows =
          params.table === 'sys_user'
            ? users.filter((u) => query.split('^').every((c) => !c.includes('=') || (u as any)[c.split('=')[0]!] === c.split('=')[1]))
            : [...records.values()].filter((r) => r.table === params.table && matches(r, query)).map((r) => ({ sys_id: r.sys_id, number: r.number, ...r.fields }));
        if (rows.length === 0 && params.version === 'v1') return failure(404, 'No Record found', 'Records not found');
        return HttpResponse.json({ result: rows.slice(0, limit) }, { headers: { 'X-Total-Count': String(rows.length) } });
      }, request),
    ),
    http.post(`${base}/api/now/:version/table/:table`, ({ request, params }) =>
      withFaults(faults, async () => {
        calls.push({ method: 'POST', path: new URL(request.url).pathname });
        if (!authorised(request)) return unauthorised();
        const fields = (await request.json()) as Record<string, unknown>;
        if (!fields.short_description) return failure(400, 'Invalid request', 'short_description is mandatory');
        const sys_id = crypto.randomUUID().replace(/-/g, '');
        const prefix = params.table === 'interaction' ? 'IMS' : 'INC';
        const record: ServiceNowRecord = { sys_id, number: `${prefix}00${++counter}`, table: String(params.table), fields: { state: params.table === 'interaction' ? 'new' : '1', ...fields }, workNotes: [] };
        records.set(sys_id, record);
        return HttpResponse.json(
          { result: { sys_id, number: record.number, ...record.fields } },
          { status: 201, headers: { Location: `${base}/api/now/table/${params.table}/${sys_id}` } },
        );
      }, request),
    ),
    http.patch(`${base}/api/now/:version/table/:table/:sysId`, ({ request, params }) =>
      withFaults(faults, async () => {
        calls.push({ method: 'PATCH', path: new URL(request.url).pathname });
        if (!authorised(request)) return unauthorised();
        const record = records.get(String(params.sysId));
        if (!record) return failure(404, 'No Record found', "Record doesn't exist or ACL restricts the record retrieval");
        const fields = (await request.json()) as Record<string, unknown>;
        const { work_notes, ...rest } = fields;
        if (typeof work_notes === 'string') record.workNotes.push(work_notes);
        Object.assign(record.fields, Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, String(v)])));
        patches.push({ sys_id: record.sys_id, fields });
        return HttpResponse.json({ result: { sys_id: record.sys_id, number: record.number, ...record.fields } });
      }, request),
    ),
  ];

  return {
    base,
    creds,
    handlers,
    records,
    calls,
    patches,
    faults,
    tokens,
    byCorrelation: (visitId: string) => [...records.values()].filter((r) => r.fields.correlation_id === visitId),
  };
}

export type ServiceNowMock = ReturnType<typeof createServiceNowMock>;
