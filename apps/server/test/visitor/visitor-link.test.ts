import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, seatTechnician, type TestApp } from '../helpers/test-app.ts';
import { callNext, checkInWithLink, demo, followVisit, readTicket, technicianAction } from './visitor-helpers.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

describe('the visitor link of a ticket', () => {
  it('opens that visit only: ticket, queue, position, estimate; no one else’s data', async () => {
    await seatTechnician(t.app, demo.alex, demo.desk1);
    const marie = await checkInWithLink(t.app, demo.hardwareChoice, { kind: 'badge', badgeId: '0004411001' });
    t.clock.advance(5);
    const guest = await checkInWithLink(t.app, demo.hardwareChoice, { kind: 'guest', name: 'Gaston Lagaffe' });
    expect(marie.visitorLink).toMatch(/^\/visitor\/ticket#[A-Za-z0-9_-]{43}$/);

    const mine = await readTicket(t.app, guest.token);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ ticketNumber: 'H-002', queue: { id: 'hq-hardware' }, state: 'waiting', position: 2, desk: null });
    expect(mine.json().estimate.expectedSeconds).toBeGreaterThan(0);
    // Nothing of the other visitor, not even their own name, travels on this page.
    expect(mine.body).not.toContain('Marie');
    expect(mine.body).not.toContain('H-001');
    expect(mine.body).not.toContain('Gaston');

    const theirs = await readTicket(t.app, marie.token);
    expect(theirs.json()).toMatchObject({ ticketNumber: 'H-001', position: 1 });
  });

  it('says when nobody serves the queue, and stops saying it once someone does', async () => {
    const mine = await checkInWithLink(t.app, demo.hardwareChoice, { kind: 'guest', name: 'Early Bird' });
    const before = (await readTicket(t.app, mine.token)).json();
    expect(before).toMatchObject({ estimate: null, nobodyServing: { reason: 'no_technician' }, timeZone: 'Europe/Paris' });

    await seatTechnician(t.app, demo.alex, demo.desk1);
    const live = await followVisit(t.app, mine.token);
    const after = await live.waitFor((m) => m.type === 'ticket' && m.ticket.nobodyServing === null);
    // First in line with a free technician: an estimate (of about nothing) instead of the warning.
    expect(after.type === 'ticket' && after.ticket.estimate).toMatchObject({ expectedSeconds: expect.any(Number) });
    live.close();
  });

  it('keeps only a hash of the token', async () => {
    const visit = await checkInWithLink(t.app, demo.hardwareChoice);
    const rows = await t.database.db.selectFrom('visitor_links').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.visit_id).toBe(visit.id);
    expect(JSON.stringify(rows)).not.toContain(visit.token);
  });

  it('refuses unknown tokens with 404 and a missing token with 400', async () => {
    await checkInWithLink(t.app, demo.hardwareChoice);
    const unknown = await readTicket(t.app, 'x'.repeat(43));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('visitor_link_unknown');
    const missing = await t.app.inject({ url: '/api/visitor/ticket' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain('x-visit-token');
  });

  it('stops working when the visit ends', async () => {
    await seatTechnician(t.app, demo.alex, demo.desk1);
    const visit = await checkInWithLink(t.app, demo.hardwareChoice);
    await callNext(t.app, demo.alex, demo.desk1);
    expect((await readTicket(t.app, visit.token)).json()).toMatchObject({ state: 'called', desk: { id: demo.desk1 } });
    await technicianAction(t.app, demo.alex, visit.id, 'resolve', { note: 'fixed' });
    const after = await readTicket(t.app, visit.token);
    expect(after.statusCode).toBe(410);
    expect(after.json().code).toBe('visit_ended');
    const live = await followVisit(t.app, visit.token);
    expect(await live.waitFor((m) => m.type === 'error')).toMatchObject({ code: 'visit_ended' });
    await expect.poll(() => live.closed()?.code).toBe(4010);
  });

  it('is revocable: staff issue a new link, the old one stops at once and its page is closed', async () => {
    const visit = await checkInWithLink(t.app, demo.hardwareChoice);
    const live = await followVisit(t.app, visit.token);
    await live.waitFor((m) => m.type === 'ticket');
    const reissued = await t.as.alex.inject({ method: 'POST', url: `/api/visits/${visit.id}/visitor-link` });
    expect(reissued.statusCode).toBe(200);
    const fresh = (reissued.json().visitorLink as string).split('#')[1]!;
    expect(fresh).not.toBe(visit.token);
    expect((await readTicket(t.app, visit.token)).statusCode).toBe(404);
    expect((await readTicket(t.app, fresh)).json()).toMatchObject({ ticketNumber: 'H-001' });
    await expect.poll(() => live.closed()?.code).toBe(4011);
    // A kiosk may not re-issue links: only staff who can see the visitor.
    expect((await t.as.kiosk.inject({ method: 'POST', url: `/api/visits/${visit.id}/visitor-link` })).statusCode).toBe(403);
  });
});

describe('the visitor channel', () => {
  it('follows one visit live: position moves as others are called, then the desk, then the end', async () => {
    await seatTechnician(t.app, demo.alex, demo.desk1);
    await seatTechnician(t.app, demo.sam, demo.desk2);
    const first = await checkInWithLink(t.app, demo.hardwareChoice, { kind: 'guest', name: 'First Person' });
    t.clock.advance(5);
    const second = await checkInWithLink(t.app, demo.softwareChoice, { kind: 'guest', name: 'Second Person' });
    t.clock.advance(5);
    const mine = await checkInWithLink(t.app, demo.hardwareChoice, { kind: 'guest', name: 'Third Person' });
    const other = await followVisit(t.app, first.token);
    const live = await followVisit(t.app, mine.token);
    expect(await live.waitFor((m) => m.type === 'ticket')).toMatchObject({ ticket: { ticketNumber: 'H-002', position: 2, state: 'waiting' } });

    await callNext(t.app, demo.alex, demo.desk1); // calls H-001
    await live.waitFor((m) => m.type === 'ticket' && m.ticket.position === 1);
    await technicianAction(t.app, demo.alex, first.id, 'resolve', { note: 'done' });
    expect(await other.waitFor((m) => m.type === 'ended')).toMatchObject({ outcome: 'resolved', feedbackOpen: true });

    await callNext(t.app, demo.sam, demo.desk2); // Sam serves software: S-001, not mine
    await callNext(t.app, demo.alex, demo.desk1); // mine
    const called = await live.waitFor((m) => m.type === 'ticket' && m.ticket.state === 'called');
    expect(called).toMatchObject({ ticket: { desk: { id: demo.desk1, name: expect.any(String) }, position: null, estimate: null } });
    await technicianAction(t.app, demo.alex, mine.id, 'resolve', { note: 'done' });
    expect(await live.waitFor((m) => m.type === 'ended')).toMatchObject({ outcome: 'resolved', feedbackOpen: true });
    await expect.poll(() => live.closed()?.code).toBe(4010);

    // Every message this phone got was about its own ticket only.
    const text = JSON.stringify(live.received);
    for (const foreign of ['H-001', 'S-001', 'First Person', 'Second Person', second.id, first.id]) expect(text).not.toContain(foreign);
  });

  it('answers a bad first message with an error and a bad token by closing', async () => {
    const live = await followVisit(t.app, null);
    live.send({ type: 'follow', token: 42 });
    expect(await live.waitFor((m) => m.type === 'error')).toMatchObject({ code: 'bad_message' });
    live.send({ type: 'follow', token: 'y'.repeat(43) });
    expect(await live.waitFor((m) => m.type === 'error' && m.code !== 'bad_message')).toMatchObject({ code: 'visitor_link_unknown' });
    await expect.poll(() => live.closed()?.code).toBe(4004);
  });
});
