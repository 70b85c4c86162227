import { describe, expect, it } from 'vitest';
import { ApiRequestError, createApiClient } from '../src/api-client.ts';

function fakeFetch(status: number, body: unknown, calls: Array<{ url: string; init?: RequestInit }> = []): typeof fetch {
  return async (input, init) => {
    calls.push({ url: String(input), init });
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
}

describe('createApiClient', () => {
  it('posts JSON to the typed route and returns the body', async () => {
    const calls: Array<{ url: string; init?: RequestInit }> = [];
    const api = createApiClient('http://walkup.test', fakeFetch(201, { id: 'v1', ticketNumber: 'H-001' }, calls));
    const result = await api.checkIn('hq', { categoryId: 'laptop', visitor: { kind: 'guest', name: 'Ana' } });
    expect(result.ticketNumber).toBe('H-001');
    expect(calls[0]?.url).toBe('http://walkup.test/api/sites/hq/visits');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ categoryId: 'laptop', visitor: { kind: 'guest', name: 'Ana' } });
  });

  it('returns null when nobody is waiting (204)', async () => {
    const api = createApiClient('', fakeFetch(204, undefined));
    await expect(api.callNext('desk-1', { technicianId: 't1' })).resolves.toBeNull();
  });

  it("throws the server's error code and message", async () => {
    const api = createApiClient('', fakeFetch(409, { statusCode: 409, error: 'Conflict', code: 'grace_period', message: 'Wait 40 more seconds' }));
    const error = await api.noShow('v1', { technicianId: 't1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ statusCode: 409, code: 'grace_period', message: 'Wait 40 more seconds' });
  });
});
