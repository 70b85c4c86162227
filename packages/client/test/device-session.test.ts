import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError, type ApiClient } from '../src/api-client.ts';
import { startDeviceSession } from '../src/device-session.ts';
import { loadDeviceToken } from '../src/device-token.ts';

/** A page at `href` with its own localStorage and history, as a kiosk's browser has. */
function openPage(href: string) {
  const storage = new Map<string, string>();
  const location = { href };
  vi.stubGlobal('location', location);
  vi.stubGlobal('history', { replaceState: (_state: unknown, _title: string, url: URL) => (location.href = String(url)) });
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => void storage.set(key, value),
    removeItem: (key: string) => void storage.delete(key),
  });
  return location;
}

function fakeApi(pair: (code: string) => Promise<{ token: string; siteId: string }>) {
  const calls: string[] = [];
  const api = {
    pairDevice: async (code: string) => {
      calls.push(code);
      return { ...(await pair(code)), deviceId: 'd1', role: 'kiosk', name: 'Demo kiosk' };
    },
    setDeviceToken: () => undefined,
    getSession: async () => ({ kind: 'device', siteId: 'hq' }),
  } as unknown as ApiClient;
  return { api, calls };
}

afterEach(() => vi.unstubAllGlobals());

describe('opening a kiosk or display from a link', () => {
  it('exchanges a one-time pairing code in ?pair= for a token, keeps the token and drops the code from the address', async () => {
    const location = openPage('http://walkup.test/kiosk/?pair=abcd-efgh');
    const { api, calls } = fakeApi(async () => ({ token: 'device-token-from-server', siteId: 'hq' }));
    const started = await startDeviceSession(api);
    expect(calls).toEqual(['abcd-efgh']);
    expect(started).toEqual({ kind: 'ready', siteId: 'hq', token: 'device-token-from-server' });
    expect(loadDeviceToken()).toBe('device-token-from-server');
    expect(location.href).toBe('http://walkup.test/kiosk/');
  });

  it('falls back to the pairing screen when the code was already used and no token is stored', async () => {
    openPage('http://walkup.test/display/?pair=ABCDEFGH');
    const { api } = fakeApi(async () => {
      throw new ApiRequestError({ statusCode: 401, code: 'bad_pairing_code', message: 'this pairing code is unknown, expired or already used' });
    });
    await expect(startDeviceSession(api)).resolves.toEqual({ kind: 'needs_pairing' });
    expect(loadDeviceToken()).toBeNull();
  });

  it('still accepts a device token handed over as ?pair=', async () => {
    openPage('http://walkup.test/kiosk/?pair=Xq3v0Yk9b2Zt7Wm1Rc5Ln8Hd4Fs6Gp0Aj2Ke7Ui3OoPq');
    const { api, calls } = fakeApi(async () => ({ token: 'unused', siteId: 'hq' }));
    const started = await startDeviceSession(api);
    expect(calls).toEqual([]);
    expect(started).toMatchObject({ kind: 'ready', token: 'Xq3v0Yk9b2Zt7Wm1Rc5Ln8Hd4Fs6Gp0Aj2Ke7Ui3OoPq' });
  });
});
