import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, demo, type TestApp } from '../helpers/test-app.ts';
import { connectLive } from '../helpers/live-client.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

async function lastSeen(name: string): Promise<string | null> {
  const devices = (await t.as.admin.inject({ url: '/api/admin/devices' })).json() as Array<{ name: string; lastSeenAt: string | null }>;
  return devices.find((d) => d.name === name)!.lastSeenAt;
}

describe('devices last seen', () => {
  it('records when a device last called, at most once a minute, and on socket connect', async () => {
    t.clock.set('2026-11-23T10:00:00.000Z');
    await t.as.kiosk.inject({ url: `/api/sites/${demo.site}/config` });
    expect(await lastSeen('Test kiosk')).toBe('2026-11-23T10:00:00.000Z');
    t.clock.advance(20);
    await t.as.kiosk.inject({ url: `/api/sites/${demo.site}/config` });
    expect(await lastSeen('Test kiosk')).toBe('2026-11-23T10:00:00.000Z');
    t.clock.advance(60);
    await t.as.kiosk.inject({ url: `/api/sites/${demo.site}/config` });
    expect(await lastSeen('Test kiosk')).toBe('2026-11-23T10:01:20.000Z');

    t.clock.set('2026-11-23T11:00:00.000Z');
    const live = await connectLive(t.app, t.as.display);
    expect(await lastSeen('Test display')).toBe('2026-11-23T11:00:00.000Z');
    live.close();
  });
});
