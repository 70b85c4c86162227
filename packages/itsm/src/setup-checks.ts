import { ItsmError, type SetupCheck } from './adapter.ts';
import type { HttpClient, HttpRequest, HttpResponse } from './http.ts';

const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error));
const statusOf = (error: unknown) => (error instanceof ItsmError ? error.status : null);

/** Sign-in failures say what to renew; anything else says where walkup tried to go. */
function connectionFailure(vendor: string, url: string, error: unknown, credentials: string): SetupCheck {
  const status = statusOf(error);
  const message =
    status === 401 || status === 403
      ? `${vendor} refused the credentials (${status}): check ${credentials} and save them again.`
      : `${vendor} cannot be reached at ${url}: ${describeError(error)}. Check the URL and the network.`;
  return { check: 'sign-in', ok: false, message };
}

interface JiraSetupOptions {
  http: HttpClient;
  api: (path: string) => string;
  headers: Record<string, string>;
  siteUrl: string;
}

/** Jira Service Management: the service desk answers, then each request type a create may use exists there. */
export async function checkJiraSetup(options: JiraSetupOptions, requestTypes: Array<{ serviceDeskId: string; requestTypeId: string }>): Promise<SetupCheck[]> {
  const { http, api, headers, siteUrl } = options;
  const results: SetupCheck[] = [];
  const desks = [...new Set(requestTypes.map((t) => t.serviceDeskId))];
  for (const desk of desks) {
    try {
      const { status } = await http({ method: 'GET', url: api(`/rest/servicedeskapi/servicedesk/${encodeURIComponent(desk)}`), headers, accept: [404] });
      results.push(
        status === 404
          ? { check: `service desk ${desk}`, ok: false, message: `Service desk ${desk} does not exist, or the API user is not an agent of it. Correct the service desk id or add the user to the project.` }
          : { check: `service desk ${desk}`, ok: true, message: `Service desk ${desk} answers.` },
      );
    } catch (error) {
      return [connectionFailure('Jira Service Management', siteUrl, error, 'the e-mail and API token')];
    }
  }
  const seen = new Set<string>();
  for (const { serviceDeskId, requestTypeId } of requestTypes) {
    const key = `${serviceDeskId}/${requestTypeId}`;
    if (seen.has(key) || results.some((r) => r.check === `service desk ${serviceDeskId}` && !r.ok)) continue;
    seen.add(key);
    const path = `/rest/servicedeskapi/servicedesk/${encodeURIComponent(serviceDeskId)}/requesttype/${encodeURIComponent(requestTypeId)}`;
    const { status } = await http({ method: 'GET', url: api(path), headers, accept: [400, 404] });
    results.push(
      status === 200
        ? { check: `request type ${requestTypeId}`, ok: true, message: `Request type ${requestTypeId} exists in service desk ${serviceDeskId}.` }
        : { check: `request type ${requestTypeId}`, ok: false, message: `Request type ${requestTypeId} does not exist in service desk ${serviceDeskId}: correct the request type of the category or connection (Project settings > Request types shows the ids).` },
    );
  }
  return results;
}

interface GlpiSetupOptions {
  call: (request: HttpRequest) => Promise<HttpResponse>;
  api: (path: string) => string;
  apiUrl: string;
}

/** GLPI: a session opens with the app and user tokens, then each mapped ITIL category exists. */
export async function checkGlpiSetup(options: GlpiSetupOptions, categories: string[]): Promise<SetupCheck[]> {
  const { call, api, apiUrl } = options;
  try {
    await call({ method: 'GET', url: api('getFullSession') });
  } catch (error) {
    return [connectionFailure('GLPI', apiUrl, error, 'the app token (Setup > General > API) and the user token (the user\'s "Remote access keys")')];
  }
  const results: SetupCheck[] = [{ check: 'session', ok: true, message: 'GLPI opened a session with the app and user tokens.' }];
  for (const category of [...new Set(categories)]) {
    if (!/^\d+$/.test(category)) {
      results.push({ check: `category ${category}`, ok: false, message: `GLPI category "${category}" is not an id: GLPI needs the number shown in Setup > Dropdowns > ITIL categories.` });
      continue;
    }
    const { status } = await call({ method: 'GET', url: api(`ITILCategory/${category}`), accept: [404] });
    results.push(
      status === 200
        ? { check: `category ${category}`, ok: true, message: `GLPI category ${category} exists.` }
        : { check: `category ${category}`, ok: false, message: `GLPI category ${category} does not exist, or the API user's profile may not see it: correct the category of the mapping.` },
    );
  }
  return results;
}

/** ServiceNow: the credentials sign in and the ticket table can be read (which the lookup by visit id needs). */
export async function checkServiceNowSetup(read: () => Promise<unknown>, instanceUrl: string, table: string): Promise<SetupCheck[]> {
  try {
    await read();
    return [{ check: `table ${table}`, ok: true, message: `ServiceNow signs in and the ${table} table can be read, including correlation_id.` }];
  } catch (error) {
    const status = statusOf(error);
    if (status === 403) {
      return [{ check: `table ${table}`, ok: false, message: `The ServiceNow user may not read the ${table} table (403): give it the itil role (or a role with read and create on ${table}).` }];
    }
    return [connectionFailure('ServiceNow', instanceUrl, error, 'the user name, password or OAuth client')];
  }
}
