import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerMessage, ServerMessageOf } from '@walkup/protocol';
import { createTestApp, demo, type TestApp } from '../helpers/test-app.ts';
import { connectLive } from '../helpers/live-client.ts';
import { checkInWithLink, followVisit, readTicket } from '../visitor/visitor-helpers.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

const url = `/api/sites/${demo.site}/broadcast`;
const isSnapshot = (m: ServerMessage): m is ServerMessageOf<'snapshot'> => m.type === 'snapshot';

async function siteEvents(): Promise<Array<{ type: string; visit_id: string | null; data: string }>> {
  return t.database.db.selectFrom('events').select(['type', 'visit_id', 'data']).where('type', 'like', 'site.%').orderBy('seq').execute();
}

describe('a message to everyone waiting', () => {
  it('reaches the phone pages and the wall display live, as typed, and goes when cleared', async () => {
    const visit = await checkInWithLink(t.app, demo.hardwareChoice, { kind: 'guest', name: 'Waiting Person' });
    const phone = await followVisit(t.app, visit.token);
    await phone.waitFor((m) => m.type === 'ticket');
    const display = await connectLive(t.app, t.as.display);
    display.send({ type: 'subscribe', siteId: demo.site, view: 'display' });
    await display.waitFor(isSnapshot);

    const posted = await t.as.alex.inject({ method: 'POST', url, payload: { message: 'Nous avons 15 minutes de retard', expiresInMinutes: 30 } });
    expect(posted.statusCode).toBe(201);
    expect(posted.json()).toEqual({ message: 'Nous avons 15 minutes de retard', postedAt: '2026-11-23T09:00:00.000Z', expiresAt: '2026-11-23T09:30:00.000Z' });
    await phone.waitFor((m) => m.type === 'ticket' && m.ticket.broadcast?.message === 'Nous avons 15 minutes de retard');
    await display.waitFor((m) => m.type === 'event' && m.event.type === 'site.broadcast_posted');
    // A screen that connects later gets it in its snapshot.
    const late = await connectLive(t.app, t.as.kiosk);
    late.send({ type: 'subscribe', siteId: demo.site, view: 'kiosk' });
    expect(((await late.waitFor(isSnapshot)) as ServerMessageOf<'snapshot'>).view.broadcast).toMatchObject({ message: 'Nous avons 15 minutes de retard' });

    expect((await t.as.admin.inject({ method: 'DELETE', url })).statusCode).toBe(204);
    await phone.waitFor((m) => m.type === 'ticket' && m.ticket.broadcast === null);
    await display.waitFor((m) => m.type === 'event' && m.event.type === 'site.broadcast_cleared');
    expect((await t.as.admin.inject({ method: 'DELETE', url })).json()).toMatchObject({ statusCode: 409, code: 'no_broadcast' });

    // In the log, with nothing personal and no visit.
    const events = await siteEvents();
    expect(events.map((e) => e.type)).toEqual(['site.broadcast_posted', 'site.broadcast_cleared']);
    expect(events.every((e) => e.visit_id === null)).toBe(true);
    expect(JSON.parse(events[0]!.data)).toEqual({ message: 'Nous avons 15 minutes de retard', expiresAt: '2026-11-23T09:30:00.000Z' });
    phone.close();
    display.close();
    late.close();
  });

  it('expires after an hour by default: the phone page no longer shows it', async () => {
    const visit = await checkInWithLink(t.app, demo.hardwareChoice, { kind: 'guest', name: 'Waiting Person' });
    await t.as.alex.inject({ method: 'POST', url, payload: { message: 'Running late' } });
    expect((await readTicket(t.app, visit.token)).json().broadcast).toEqual({ message: 'Running late', expiresAt: '2026-11-23T10:00:00.000Z' });
    t.clock.advance(60 * 60);
    expect((await readTicket(t.app, visit.token)).json().broadcast).toBeNull();
  });

  it('refuses a message over 200 characters, an empty one, devices, and other roles; nothing is posted', async () => {
    const long = await t.as.alex.inject({ method: 'POST', url, payload: { message: 'x'.repeat(201) } });
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ code: 'broadcast_too_long', message: expect.stringContaining('at most 200') });
    expect((await t.as.alex.inject({ method: 'POST', url, payload: { message: '   ' } })).json().code).toBe('empty_broadcast');
    expect((await t.as.kiosk.inject({ method: 'POST', url, payload: { message: 'hello' } })).statusCode).toBe(403);
    expect((await t.as.display.inject({ method: 'POST', url, payload: { message: 'hello' } })).statusCode).toBe(403);
    expect((await t.as.admin.inject({ method: 'POST', url: '/api/sites/nowhere/broadcast', payload: { message: 'hello' } })).statusCode).toBe(404);
    expect(await siteEvents()).toEqual([]);
  });
});
