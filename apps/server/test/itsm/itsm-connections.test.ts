import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseItsmConnections } from '../../src/itsm/itsm-connections.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'walkup-itsm-connections-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a connections file and returns the env pointing at it (relative to `dir`, as an operator would). */
function withFile(connections: unknown, env: Record<string, string> = {}): Record<string, string> {
  writeFileSync(path.join(dir, 'itsm-connections.json'), typeof connections === 'string' ? connections : JSON.stringify({ connections }));
  return { WALKUP_ITSM_CONNECTIONS_FILE: 'itsm-connections.json', ...env };
}

const lyon = {
  vendor: 'servicenow',
  instanceUrl: 'https://lyon.service-now.com',
  auth: { kind: 'oauth_password', clientId: 'walkup', clientSecret: { env: 'LYON_SN_CLIENT_SECRET' }, username: 'walkup.integration', password: { env: 'LYON_SN_PASSWORD' } },
  table: 'interaction',
};
const madridRt = { vendor: 'rt', url: 'https://rt.madrid.example/REST/2.0', token: { env: 'MADRID_RT_TOKEN' }, queue: 'Walk-up' };
const secrets = { LYON_SN_CLIENT_SECRET: 'lyon-client-secret-value', LYON_SN_PASSWORD: 'lyon-password-value', MADRID_RT_TOKEN: 'madrid-token-value' };

/** The message of what `parse` throws; fails the test when it does not throw. */
function errorOf(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('parseItsmConnections', () => {
  it('keeps the single-connection keys working as `default` when there is no file', () => {
    const env = { WALKUP_ITSM_VENDOR: 'rt', WALKUP_RT_URL: 'http://rt/REST/2.0', WALKUP_RT_TOKEN: 't', WALKUP_RT_QUEUE: 'Walk-up' };
    expect(parseItsmConnections(env, dir)).toEqual({ default: expect.objectContaining({ vendor: 'rt', queue: 'Walk-up', token: 't' }) });
    expect(parseItsmConnections({}, dir)).toEqual({ default: expect.objectContaining({ vendor: 'none' }) });
  });

  it('reads named connections beside `default`, resolving secrets from the environment and naming each by its key', () => {
    const env = withFile({ lyon, 'madrid-rt': madridRt }, { ...secrets, WALKUP_ITSM_VENDOR: 'webhook', WALKUP_WEBHOOK_URL: 'https://hooks.example/walkup', WALKUP_WEBHOOK_SECRET: 'w' });
    const connections = parseItsmConnections(env, dir);
    expect(Object.keys(connections)).toEqual(['default', 'lyon', 'madrid-rt']);
    expect(connections.default).toMatchObject({ vendor: 'webhook', url: 'https://hooks.example/walkup' });
    expect(connections.lyon).toEqual({
      ...lyon,
      name: 'lyon',
      auth: { kind: 'oauth_password', clientId: 'walkup', clientSecret: 'lyon-client-secret-value', username: 'walkup.integration', password: 'lyon-password-value' },
    });
    expect(connections['madrid-rt']).toEqual({ ...madridRt, name: 'madrid-rt', token: 'madrid-token-value' });
  });

  it('may define `default` in the file instead of the environment, not in both', () => {
    const env = withFile({ default: madridRt }, secrets);
    expect(parseItsmConnections(env, dir).default).toMatchObject({ vendor: 'rt', name: 'default', token: 'madrid-token-value' });
    expect(errorOf(() => parseItsmConnections({ ...env, WALKUP_ITSM_VENDOR: 'none' }, dir))).toMatch(/'default' ITSM connection is defined twice/);
  });

  it('names the connection, the field and the missing variable, never a value', () => {
    const { LYON_SN_PASSWORD: _missing, ...others } = secrets;
    const message = errorOf(() => parseItsmConnections(withFile({ lyon, 'madrid-rt': madridRt }, others), dir));
    expect(message).toContain("connection 'lyon': auth.password refers to LYON_SN_PASSWORD, which is not set");
    expect(message).toContain('itsm-connections.json');
    for (const value of Object.values(secrets)) expect(message).not.toContain(value);
  });

  it('refuses a secret written as text in the file, without repeating it', () => {
    const message = errorOf(() => parseItsmConnections(withFile({ 'madrid-rt': { ...madridRt, token: 'plain-text-token-123' } }), dir));
    expect(message).toContain(`connection 'madrid-rt': token is a secret: give it as {"env": "VARIABLE_NAME"}`);
    expect(message).not.toContain('plain-text-token-123');
  });

  it('reports unknown vendors, misspelt fields, missing fields and reserved names together', () => {
    const message = errorOf(() =>
      parseItsmConnections(
        withFile({ a: { vendor: 'remedy' }, b: { ...madridRt, queu: 'x', queue: undefined }, c: { ...lyon, auth: { kind: 'saml' } }, none: { vendor: 'none' } }, secrets),
        dir,
      ),
    );
    expect(message.split('; ')).toEqual([
      expect.stringMatching(/connection 'a': vendor must be one of none, servicenow, jira, glpi, rt, webhook$/),
      "connection 'b' must have required properties queue",
      "connection 'b': unknown field(s) queu",
      "connection 'c': auth.kind must be one of basic, oauth_client_credentials, oauth_password",
      "connection 'none': 'none' is reserved for sites without ITSM",
    ]);
  });

  it('does not echo a file that is not JSON (it may hold a secret typed by hand)', () => {
    const message = errorOf(() => parseItsmConnections(withFile('{ "connections": { "x": { "token": hunter2-secret } } }'), dir));
    expect(message).toMatch(/itsm-connections\.json: is not valid JSON$/);
    expect(message).not.toContain('hunter2');
    expect(errorOf(() => parseItsmConnections({ WALKUP_ITSM_CONNECTIONS_FILE: 'missing.json' }, dir))).toMatch(/missing\.json: cannot be read \(ENOENT\)/);
  });

  it('refuses two connections that the health view would show under one name', () => {
    const env = withFile({ servicenow: lyon }, { ...secrets, WALKUP_ITSM_VENDOR: 'servicenow', WALKUP_SERVICENOW_URL: 'https://acme.service-now.com', WALKUP_SERVICENOW_USER: 'u', WALKUP_SERVICENOW_PASSWORD: 'p' });
    expect(errorOf(() => parseItsmConnections(env, dir))).toMatch(/'default' and 'servicenow' would both be shown as 'servicenow'/);
  });
});
