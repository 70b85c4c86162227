import { describe, expect, it } from 'vitest';
import { ApiRequestError, createApiClient, unreachableCode } from '../src/api-client.ts';

function fakeFetch(status: number, body: unknown, calls: Array<{ url: string; init?: RequestInit }> = []): typeof fetch {
  return async (input, init) => {
    calls.push({ url: String(input), init });
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
}

describe('createApiClient', () => {
  it('posts JSON to the typed route and returns the body', async () => {
    const calls: Array<{ url: string; init?: RequestInit }> = [];
    const api = createApiClient('http://walkup.test', { fetch: fakeFetch(201, { id: 'v1', ticketNumber: 'H-001' }, calls) });
    const result = await api.checkIn('hq', { categoryId: 'laptop', visitor: { kind: 'guest', name: 'Ana' } });
    expect(result.ticketNumber).toBe('H-001');
    expect(calls[0]?.url).toBe('http://walkup.test/api/sites/hq/visits');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ categoryId: 'laptop', visitor: { kind: 'guest', name: 'Ana' } });
  });

  it('returns null when nobody is waiting (204)', async () => {
    const api = createApiClient('', { fetch: fakeFetch(204, undefined) });
    await expect(api.callNext('desk-1', { technicianId: 't1' })).resolves.toBeNull();
  });

  it("throws the server's error code and message", async () => {
    const api = createApiClient('', { fetch: fakeFetch(409, { statusCode: 409, error: 'Conflict', code: 'grace_period', message: 'Wait 40 more seconds' }) });
    const error = await api.noShow('v1', { technicianId: 't1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ statusCode: 409, code: 'grace_period', message: 'Wait 40 more seconds' });
  });

  it('says in words that the server cannot be reached instead of "TypeError: Failed to fetch"', async () => {
    const api = createApiClient('', { fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });
    const error = await api.callNext('desk-1', { technicianId: 't1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ statusCode: 0, code: unreachableCode, message: expect.stringContaining('cannot be reached') });
    expect(String((error as Error).message)).not.toContain('Failed to fetch');
  });

  it('sends a device token as bearer, and echoes the session CSRF token on writes after sign-in', async () => {
    const calls: Array<{ url: string; init?: RequestInit }> = [];
    const session = { kind: 'user', username: 'demo', displayName: 'Demo', role: 'technician', technicianId: 't1', siteIds: ['hq'], csrfToken: 'csrf-1' };
    const device = createApiClient('', { fetch: fakeFetch(200, []), deviceToken: 'device-1' });
    await device.listSites();
    const consoleApi = createApiClient('', { fetch: fakeFetch(200, session, calls) });
    await consoleApi.login('demo', 'demo');
    await consoleApi.start('v1', { technicianId: 't1' });
    await consoleApi.getSiteConfig('hq');
    const headers = calls.map((call) => call.init?.headers as Record<string, string>);
    expect(headers[0]?.['x-csrf-token']).toBeUndefined();
    expect(headers[1]?.['x-csrf-token']).toBe('csrf-1');
    expect(headers[2]?.['x-csrf-token']).toBeUndefined();
  });
});
