import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, demo, type TestApp } from '../helpers/test-app.ts';
import { callerWithHeaders } from '../helpers/auth.ts';
import { connectLive } from '../helpers/live-client.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

async function pairingCode(role: 'kiosk' | 'display', name = `Lobby ${role}`) {
  const response = await t.as.admin.inject({ method: 'POST', url: `/api/admin/sites/${demo.site}/pairing-codes`, payload: { role, name } });
  expect(response.statusCode).toBe(201);
  return response.json() as { code: string; expiresAt: string };
}

const pair = (code: string) => t.as.anonymous.inject({ method: 'POST', url: '/api/devices/pair', payload: { code } });

describe('device enrolment', () => {
  it('pairs a kiosk with a one-time code; the token checks in at its own site only', async () => {
    const { code } = await pairingCode('kiosk');
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    // People type codes in lower case and without the dash.
    const paired = await pair(code.toLowerCase().replace('-', ' '));
    expect(paired.statusCode).toBe(201);
    const { token, siteId, role } = paired.json();
    expect({ siteId, role }).toEqual({ siteId: demo.site, role: 'kiosk' });
    const kiosk = callerWithHeaders(t.app, 'kiosk', { authorization: `Bearer ${token}` });
    expect((await kiosk.inject({ url: '/api/auth/session' })).json()).toMatchObject({ kind: 'device', role: 'kiosk', siteId: demo.site, name: 'Lobby kiosk' });
    const checkIn = await kiosk.inject({ method: 'POST', url: `/api/sites/${demo.site}/visits`, payload: { categoryId: demo.hardwareChoice, visitor: { kind: 'guest', name: 'Ann' } } });
    expect(checkIn.statusCode).toBe(201);
    expect((await kiosk.inject({ url: '/api/admin/devices' })).statusCode).toBe(403);
    expect((await pair(code)).json().code).toBe('bad_pairing_code');
  });

  it('refuses an expired code', async () => {
    const { code } = await pairingCode('display');
    t.clock.advance(16 * 60);
    expect((await pair(code)).statusCode).toBe(401);
  });

  it('revokes a display at once: HTTP refused and its open websocket closed', async () => {
    const { code } = await pairingCode('display');
    const { token, deviceId } = (await pair(code)).json();
    const display = callerWithHeaders(t.app, 'display', { authorization: `Bearer ${token}` }, `/ws?token=${token}`);
    const live = await connectLive(t.app, display);
    live.send({ type: 'subscribe', siteId: demo.site, view: 'display' });
    await live.waitFor((m) => m.type === 'snapshot');
    const revoked = await t.as.admin.inject({ method: 'POST', url: `/api/admin/devices/${deviceId}/revoke` });
    expect(revoked.statusCode).toBe(200);
    await expect.poll(() => live.closed()?.code).toBe(4401);
    const after = await display.inject({ url: `/api/sites/${demo.site}/state` });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('invalid_credential');
    await expect(t.app.injectWS(`/ws?token=${token}`)).rejects.toThrow('401');
    const devices = (await t.as.admin.inject({ url: `/api/admin/devices?siteId=${demo.site}` })).json();
    expect(devices.find((d: { id: string }) => d.id === deviceId).revokedAt).not.toBeNull();
    expect(JSON.stringify(devices)).not.toContain(token);
    const audit = (await t.as.admin.inject({ url: '/api/admin/audit' })).json().map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['device.pairing_code_created', 'device.paired', 'device.revoked']));
  });
});
