import { describe, expect, it } from 'vitest';
import { collectPageErrors } from './helpers/chromium.ts';
import { useServerAndBrowser } from './helpers/server-and-browser.ts';

/**
 * What a demo start prints: `/kiosk/?pair=<one-time code>` and `/display/?pair=<code>`. Opening such a
 * link pairs the screen (the code is exchanged for a device token the browser keeps) and uses the code up.
 */
const running = useServerAndBrowser();

async function adminPairingCode(role: 'kiosk' | 'display'): Promise<string> {
  const login = await running.server.app.inject({ method: 'POST', url: '/api/auth/login', payload: running.server.access.admin });
  const cookie = [login.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('walkup_session='))!.split(';')[0]!;
  const created = await running.server.app.inject({
    method: 'POST',
    url: '/api/admin/sites/hq/pairing-codes',
    headers: { cookie, 'x-csrf-token': login.json().csrfToken },
    payload: { role, name: `Browser ${role}` },
  });
  expect(created.statusCode).toBe(201);
  return created.json().code as string;
}

describe('a one-time pairing link', () => {
  it.each(['kiosk', 'display'] as const)('pairs the %s it is opened on, once', async (screen) => {
    const code = await adminPairingCode(screen);
    const page = await running.browser.newPage();
    const errors: string[] = [];
    collectPageErrors(page, screen, errors);
    await page.goto(`${running.server.baseUrl}/${screen}/?pair=${code}`);
    const token = await (await page.waitForFunction(() => localStorage.getItem('walkup.device.token'))).jsonValue();
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(new URL(page.url()).searchParams.has('pair')).toBe(false);
    const session = await running.server.app.inject({ url: '/api/auth/session', headers: { authorization: `Bearer ${token}` } });
    expect(session.json()).toMatchObject({ kind: 'device', role: screen, siteId: 'hq' });
    expect((await running.server.app.inject({ method: 'POST', url: '/api/devices/pair', payload: { code } })).statusCode).toBe(401);
    expect(errors).toEqual([]);
    await page.close();
  });
});
