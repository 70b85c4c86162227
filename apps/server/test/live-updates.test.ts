import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyEventToView, type SiteView } from '@walkup/domain';
import type { ServerMessage, ServerMessageOf } from '@walkup/protocol';
import { checkIn, createTestApp, demo, seatTechnician, type TestApp } from './helpers/test-app.ts';
import { connectLive } from './helpers/live-client.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

const isSnapshot = (m: ServerMessage): m is ServerMessageOf<'snapshot'> => m.type === 'snapshot';
const isEvent = (m: ServerMessage): m is ServerMessageOf<'event'> => m.type === 'event';

describe('websocket live updates', () => {
  it('sends a snapshot, then every event in order, and display views carry no personal data', async () => {
    await seatTechnician(t.app, demo.alex, demo.desk1);
    const display = await connectLive(t.app, t.as.display);
    display.send({ type: 'subscribe', siteId: demo.site, view: 'display' });
    const snapshot = (await display.waitFor(isSnapshot)) as ServerMessageOf<'snapshot'>;
    expect(snapshot.view.seq).toBe(1);
    expect(snapshot.view.desks.find((d) => d.id === demo.desk1)).toMatchObject({ technicianId: demo.alex, status: 'available' });

    await checkIn(t.app, demo.hardwareChoice, { kind: 'badge', badgeId: '0004411001' });
    await t.as.alex.inject({ method: 'POST', url: `/api/desks/${demo.desk1}/call-next`, payload: { technicianId: demo.alex } });
    await display.waitFor((m) => isEvent(m) && m.event.type === 'visit.called');
    await display.waitFor((m) => m.type === 'estimates' && m.seq === 3);

    const events = display.received.filter(isEvent).map((m) => m.event);
    expect(events.map((e) => e.seq)).toEqual([2, 3]);
    const text = JSON.stringify(display.received);
    expect(text).not.toContain('Marie');
    expect(text).not.toContain('0004411001');
    expect(text).not.toContain('marie.dupont');

    let view: SiteView = snapshot.view;
    for (const event of events) view = applyEventToView(view, event);
    expect(view.visits).toEqual([expect.objectContaining({ ticketNumber: 'H-001', state: 'called', deskId: demo.desk1, visitorName: null })]);
    display.close();
  });

  it('gives the console names and the full view', async () => {
    const console = await connectLive(t.app, t.as.alex);
    console.send({ type: 'subscribe', siteId: demo.site, view: 'console' });
    await console.waitFor(isSnapshot);
    await checkIn(t.app, demo.hardwareChoice, { kind: 'badge', badgeId: '0004411001' });
    const event = (await console.waitFor(isEvent)) as ServerMessageOf<'event'>;
    expect(event.event.type === 'visit.checked_in' && event.event.data.visitor.name).toBe('Marie Dupont');
    console.close();
  });

  it('resumes from the last sequence number without missing or repeating an event', async () => {
    const first = await connectLive(t.app, t.as.display);
    first.send({ type: 'subscribe', siteId: demo.site, view: 'display' });
    await first.waitFor(isSnapshot);
    await checkIn(t.app, demo.hardwareChoice);
    await first.waitFor(isEvent);
    first.close();

    await checkIn(t.app, demo.softwareChoice);
    await checkIn(t.app, demo.passwordChoice);
    const again = await connectLive(t.app, t.as.display);
    again.send({ type: 'subscribe', siteId: demo.site, view: 'display', sinceSeq: 1 });
    await again.waitFor((m) => isEvent(m) && m.event.seq === 3);
    await checkIn(t.app, demo.hardwareChoice, { kind: 'guest', name: 'Fourth' });
    await again.waitFor((m) => isEvent(m) && m.event.seq === 4);
    expect(again.received.filter(isSnapshot)).toHaveLength(0);
    expect(again.received.filter(isEvent).map((m) => m.event.seq)).toEqual([2, 3, 4]);
    again.close();
  });

  it('answers a malformed message with an error and keeps the connection', async () => {
    const client = await connectLive(t.app, t.as.display);
    client.send({ type: 'subscribe', siteId: demo.site, view: 'spy' });
    const error = await client.waitFor((m) => m.type === 'error');
    expect(error).toMatchObject({ code: 'bad_message' });
    client.send({ type: 'ping', at: 5 });
    expect(await client.waitFor((m) => m.type === 'pong')).toMatchObject({ at: 5 });
    client.close();
  });
});
