import { HttpResponse, http } from 'msw';
import { createFaults, withFaults } from './faults.ts';

/**
 * Jira Service Management Cloud, shaped like its REST docs: servicedeskapi requests answer
 * `{ issueId, issueKey, requestTypeId, serviceDeskId, _links }`, errors `{ errorMessage, i18nErrorMessage }`,
 * platform search `{ issues: [...] }`.
 */
export function createJiraMock(options: { siteUrl?: string; email?: string; apiToken?: string; serviceDesks?: Record<string, string[]> } = {}) {
  // Service desk id -> its request type ids.
  const serviceDesks = options.serviceDesks ?? { '1': ['10', '11', '12'] };
  const siteUrl = options.siteUrl ?? 'https://acme.atlassian.net';
  const creds = { email: options.email ?? 'walkup@acme.test', apiToken: options.apiToken ?? 'ATATT3xFfGF0-token' };
  const users = [{ accountId: '5b10ac8d82e05b22cc7d4ef5', emailAddress: 'abel.tuter@example.com', displayName: 'Abel Tuter', accountType: 'atlassian' }];
  const requests = new Map<string, { key: string; fields: Record<string, any>; raiseOnBehalfOf?: string; requestTypeId: string; serviceDeskId: string; comments: Array<{ body: string; public: boolean }>; transitions: string[] }>();
  const faults = createFaults();
  let counter = 0;
  const authorised = (request: Request) => request.headers.get('authorization') === `Basic ${btoa(`${creds.email}:${creds.apiToken}`)}`;
  const unauthorised = () => HttpResponse.json({ errorMessage: 'Client must be authenticated to access this resource.' }, { status: 401 });
  const missing = (key: string) => HttpResponse.json({ errorMessage: `Request ${key} does not exist`, i18nErrorMessage: { i18nKey: 'sd.request.not.found' } }, { status: 404 });

  const handlers = [
    http.get(`${siteUrl}/rest/api/3/user/search`, ({ request }) =>
      withFaults(faults, () => {
        if (!authorised(request)) return unauthorised();
        const query = new URL(request.url).searchParams.get('query') ?? '';
        return HttpResponse.json(users.filter((u) => u.emailAddress === query));
      }),
    ),
    http.post(`${siteUrl}/rest/servicedeskapi/request`, ({ request }) =>
      withFaults(faults, async () => {
        if (!authorised(request)) return unauthorised();
        const body = (await request.json()) as any;
        if (body.raiseOnBehalfOf?.includes('@')) {
          return HttpResponse.json({ errorMessage: 'The raiseOnBehalfOf field requires an accountId', i18nErrorMessage: { i18nKey: 'sd.customer.not.found' } }, { status: 400 });
        }
        if (!body.requestFieldValues?.summary) return HttpResponse.json({ errorMessage: 'Summary is required' }, { status: 400 });
        const key = `WALK-${++counter}`;
        requests.set(key, { key, fields: body.requestFieldValues, raiseOnBehalfOf: body.raiseOnBehalfOf, requestTypeId: body.requestTypeId, serviceDeskId: body.serviceDeskId, comments: [], transitions: [] });
        return HttpResponse.json(
          { issueId: String(10000 + counter), issueKey: key, requestTypeId: body.requestTypeId, serviceDeskId: body.serviceDeskId, _links: { web: `${siteUrl}/servicedesk/customer/portal/1/${key}`, self: `${siteUrl}/rest/servicedeskapi/request/${10000 + counter}` } },
          { status: 201 },
        );
      }),
    ),
    http.post(`${siteUrl}/rest/servicedeskapi/request/:key/comment`, ({ request, params }) =>
      withFaults(faults, async () => {
        if (!authorised(request)) return unauthorised();
        const target = requests.get(String(params.key));
        if (!target) return missing(String(params.key));
        const body = (await request.json()) as any;
        target.comments.push({ body: body.body, public: body.public });
        return HttpResponse.json({ id: String(target.comments.length), body: body.body, public: body.public }, { status: 201 });
      }),
    ),
    http.post(`${siteUrl}/rest/servicedeskapi/request/:key/transition`, ({ request, params }) =>
      withFaults(faults, async () => {
        if (!authorised(request)) return unauthorised();
        const target = requests.get(String(params.key));
        if (!target) return missing(String(params.key));
        const body = (await request.json()) as any;
        target.transitions.push(body.id);
        if (body.additionalComment?.body) target.comments.push({ body: body.additionalComment.body, public: true });
        return new HttpResponse(null, { status: 204 });
      }),
    ),
    http.get(`${siteUrl}/rest/api/3/search/jql`, ({ request }) =>
      withFaults(faults, () => {
        if (!authorised(request)) return unauthorised();
        const jql = new URL(request.url).searchParams.get('jql') ?? '';
        const label = jql.match(/labels = "(.+)"/)?.[1];
        const issues = [...requests.values()].filter((r) => label && r.fields.labels?.includes(label)).map((r) => ({ id: r.key, key: r.key, fields: {} }));
        return HttpResponse.json({ issues, isLast: true });
      }),
    ),
    http.get(`${siteUrl}/rest/servicedeskapi/servicedesk/:id`, ({ request, params }) =>
      withFaults(faults, () => {
        if (!authorised(request)) return unauthorised();
        if (!serviceDesks[String(params.id)]) return HttpResponse.json({ errorMessage: 'Service Desk does not exist' }, { status: 404 });
        return HttpResponse.json({ id: params.id, projectKey: 'WALK', projectName: 'Walk-up' });
      }),
    ),
    http.get(`${siteUrl}/rest/servicedeskapi/servicedesk/:id/requesttype/:typeId`, ({ request, params }) =>
      withFaults(faults, () => {
        if (!authorised(request)) return unauthorised();
        if (!serviceDesks[String(params.id)]?.includes(String(params.typeId))) return HttpResponse.json({ errorMessage: 'The request type does not exist' }, { status: 404 });
        return HttpResponse.json({ id: params.typeId, name: 'Walk-up', serviceDeskId: params.id });
      }),
    ),
  ];
  return { siteUrl, creds, handlers, requests, faults };
}
