import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGlpiMock } from '../../../tests/msw/glpi.ts';
import { createJiraMock } from '../../../tests/msw/jira.ts';
import { createRtMock } from '../../../tests/msw/rt.ts';
import { createServiceNowMock } from '../../../tests/msw/servicenow.ts';
import { createWebhookMock } from '../../../tests/msw/webhook.ts';
import type { SetupCheck } from '../src/adapter.ts';
import { createAdapter } from '../src/create-adapter.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const failed = (checks: SetupCheck[]) => checks.filter((c) => !c.ok);

describe('Request Tracker set-up checks', () => {
  const rt = (options: Parameters<typeof createRtMock>[0] = {}) => {
    const mock = createRtMock({ queues: ['Walk-up', 'Walk-up L2', 'Hardware', 'No-CF'], queueFields: { 'No-CF': [] }, ...options });
    server.use(...mock.handlers);
    return mock;
  };

  it('passes when every queue exists, may be created in, has the visit id field and the statuses', async () => {
    const mock = rt();
    const checks = await createAdapter({ vendor: 'rt', url: mock.base, token: mock.token, queue: 'Walk-up', escalationQueues: { L2: 'Walk-up L2' } }).checkSetup({ rtQueues: ['Hardware'] });
    expect(failed(checks)).toEqual([]);
    expect(checks.map((c) => c.check)).toEqual(expect.arrayContaining(['token', 'queue Walk-up', 'queue Walk-up L2', 'queue Hardware', 'create rights in Hardware', 'visit id field in Hardware', 'statuses in Walk-up']));
  });

  it('names a missing queue (per category or escalation), a queue without the visit id field, a missing create right and an unknown status', async () => {
    const mock = rt({ noCreateRight: ['Walk-up'] });
    const adapter = createAdapter({ vendor: 'rt', url: mock.base, token: mock.token, queue: 'Walk-up', escalationQueues: { L2: 'Gone L2' }, statuses: { resolved: 'done' } });
    const bad = failed(await adapter.checkSetup({ rtQueues: ['No-CF', 'Typo'] }));
    expect(bad.map((c) => c.check).sort()).toEqual(['create rights in Walk-up', 'queue Gone L2', 'queue Typo', 'statuses in No-CF', 'statuses in Walk-up', 'visit id field in No-CF']);
    const message = (check: string) => bad.find((c) => c.check === check)?.message;
    expect(message('queue Typo')).toContain('Queue "Typo" does not exist');
    expect(message('queue Gone L2')).toContain('Queue "Gone L2" does not exist');
    expect(message('visit id field in No-CF')).toContain('Custom field KioskVisitId is not applied to "No-CF"');
    expect(message('create rights in Walk-up')).toContain('CreateTicket right');
    expect(message('statuses in Walk-up')).toContain('Status "done" is not in the lifecycle');
  });

  it('says the token is refused, without showing it', async () => {
    const mock = rt();
    const checks = await createAdapter({ vendor: 'rt', url: mock.base, token: 'bad-token-value', queue: 'Walk-up' }).checkSetup();
    expect(checks).toEqual([{ check: 'token', ok: false, message: expect.stringContaining('refused the token') }]);
    expect(JSON.stringify(checks)).not.toContain('bad-token-value');
  });
});

describe('Jira Service Management set-up checks', () => {
  const jira = (serviceDeskId = '1') => {
    const mock = createJiraMock();
    server.use(...mock.handlers);
    return createAdapter({ vendor: 'jira', siteUrl: mock.siteUrl, email: mock.creds.email, apiToken: mock.creds.apiToken, serviceDeskId, requestTypeId: '10', requestTypes: { hardware: { requestTypeId: '12' } } });
  };

  it('checks the service desk and every request type the connection and the categories use', async () => {
    expect(failed(await jira().checkSetup({ jsmRequestTypes: ['11'] }))).toEqual([]);
    const bad = failed(await jira().checkSetup({ jsmRequestTypes: ['99'] }));
    expect(bad).toEqual([{ check: 'request type 99', ok: false, message: expect.stringContaining('Request type 99 does not exist in service desk 1') }]);
  });

  it('names a service desk that does not exist', async () => {
    const bad = failed(await jira('42').checkSetup());
    expect(bad).toEqual([{ check: 'service desk 42', ok: false, message: expect.stringContaining('Service desk 42 does not exist') }]);
  });
});

describe('GLPI set-up checks', () => {
  it('opens a session and checks each mapped category', async () => {
    const mock = createGlpiMock({ categories: [3, 7] });
    server.use(...mock.handlers);
    const glpi = createAdapter({ vendor: 'glpi', apiUrl: mock.apiUrl, appToken: mock.creds.appToken, userToken: mock.creds.userToken });
    const checks = await glpi.checkSetup({ glpiCategories: ['3', '8', 'Hardware'] });
    expect(checks.map((c) => [c.check, c.ok])).toEqual([['session', true], ['category 3', true], ['category 8', false], ['category Hardware', false]]);
    expect(checks[2]!.message).toContain('GLPI category 8 does not exist');
    expect(checks[3]!.message).toContain('is not an id');
  });

  it('says the tokens are refused', async () => {
    const mock = createGlpiMock();
    server.use(...mock.handlers);
    const glpi = createAdapter({ vendor: 'glpi', apiUrl: mock.apiUrl, appToken: mock.creds.appToken, userToken: 'wrong-user-token' });
    const [check, ...rest] = await glpi.checkSetup();
    expect(rest).toEqual([]);
    expect(check).toMatchObject({ check: 'sign-in', ok: false });
    expect(check!.message).not.toContain('wrong-user-token');
  });
});

describe('ServiceNow, webhook and no-op set-up checks', () => {
  it('ServiceNow: the table can be read with the credentials, or the sign-in is named', async () => {
    const mock = createServiceNowMock();
    server.use(...mock.handlers);
    const ok = await createAdapter({ vendor: 'servicenow', instanceUrl: mock.base, auth: { kind: 'basic', username: mock.creds.username, password: mock.creds.password } }).checkSetup();
    expect(ok).toEqual([{ check: 'table incident', ok: true, message: expect.any(String) }]);
    const bad = await createAdapter({ vendor: 'servicenow', instanceUrl: mock.base, auth: { kind: 'basic', username: mock.creds.username, password: 'nope-nope' } }).checkSetup();
    expect(bad).toEqual([{ check: 'sign-in', ok: false, message: expect.stringContaining('ServiceNow refused the credentials') }]);
  });

  it('webhook: the receiver answers a signed lookup, or a wrong secret is named', async () => {
    const mock = createWebhookMock();
    server.use(...mock.handlers);
    expect(await createAdapter({ vendor: 'webhook', url: mock.url, secret: mock.secret }).checkSetup()).toEqual([{ check: 'reachable', ok: true, message: expect.any(String) }]);
    const [bad] = await createAdapter({ vendor: 'webhook', url: mock.url, secret: 'another-secret' }).checkSetup();
    expect(bad).toMatchObject({ ok: false, message: expect.stringContaining('same secret') });
  });

  it('no-op: nothing to check, and says so', async () => {
    expect(await createAdapter({ vendor: 'none' }).checkSetup()).toEqual([{ check: 'connection', ok: true, message: expect.stringContaining('No ITSM') }]);
  });
});
