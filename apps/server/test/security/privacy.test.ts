import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerMessage } from '@walkup/protocol';
import { runRetention } from '../../src/privacy/retention-job.ts';
import { checkIn, createTestApp, demo, seatTechnician, type TestApp } from '../helpers/test-app.ts';
import { connectLive } from '../helpers/live-client.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

const marie = { kind: 'badge', badgeId: '0004411001' };
const personal = ['Marie', 'Dupont', 'marie.dupont', '0004411001', 'printer on fire', 'replaced Marie'];

/** Checks Marie in with a note, serves her and resolves with a note naming her. */
async function serveMarie(): Promise<string> {
  await seatTechnician(t.app, demo.alex, demo.desk1);
  const { id } = (await t.as.kiosk.inject({ method: 'POST', url: `/api/sites/${demo.site}/visits`, payload: { categoryId: demo.hardwareChoice, visitor: marie, note: 'printer on fire' } })).json();
  await t.as.alex.inject({ method: 'POST', url: `/api/desks/${demo.desk1}/call-next`, payload: { technicianId: demo.alex } });
  t.clock.advance(300);
  await t.as.alex.inject({ method: 'POST', url: `/api/visits/${id}/resolve`, payload: { technicianId: demo.alex, note: 'replaced Marie keyboard' } });
  return id;
}

async function storedText(visitId: string): Promise<string> {
  const visit = await t.database.db.selectFrom('visits').selectAll().where('id', '=', visitId).execute();
  const events = await t.database.db.selectFrom('events').select(['type', 'data']).where('visit_id', '=', visitId).execute();
  return JSON.stringify({ visit, events });
}

describe('privacy', () => {
  it('anonymises visits and their events after the retention period, keeping the statistics', async () => {
    const id = await serveMarie();
    expect(await storedText(id)).toContain('Marie');
    t.clock.advance(29 * 86_400);
    expect((await runRetention({ db: t.database.db, now: t.clock.now, defaultRetentionDays: 30 })).anonymisedVisits).toBe(0);
    t.clock.advance(2 * 86_400);
    expect((await runRetention({ db: t.database.db, now: t.clock.now, defaultRetentionDays: 30 })).anonymisedVisits).toBe(1);
    const text = await storedText(id);
    for (const value of personal) expect(text).not.toContain(value);
    const visit = (await t.as.admin.inject({ url: `/api/visits/${id}` })).json();
    expect(visit).toMatchObject({ state: 'resolved', ticketNumber: 'H-001', categoryId: demo.hardwareChoice, visitor: { kind: 'badge' }, note: null });
    expect(visit.startedAt).not.toBeNull();
    expect(visit.endedAt).not.toBeNull();
    const accuracy = (await t.as.admin.inject({ url: `/api/sites/${demo.site}/wait-accuracy?day=2026-11-23` })).json();
    expect(accuracy).toEqual([expect.objectContaining({ visitId: id, ticketNumber: 'H-001' })]);
  });

  it('follows a per-site retention period set by an admin', async () => {
    const id = await serveMarie();
    const set = await t.as.admin.inject({ method: 'PUT', url: `/api/admin/sites/${demo.site}/privacy`, payload: { retentionDays: 7 } });
    expect(set.json()).toMatchObject({ retentionDays: 7, showNamesOnDisplay: false });
    t.clock.advance(8 * 86_400);
    await runRetention({ db: t.database.db, now: t.clock.now, defaultRetentionDays: 30 });
    expect(await storedText(id)).not.toContain('Marie');
  });

  it("exports and erases one person's data on request, audited without the person's data", async () => {
    const id = await serveMarie();
    await checkIn(t.app, demo.softwareChoice, { kind: 'guest', name: 'Someone Else' });
    const exported = await t.as.admin.inject({ method: 'POST', url: '/api/admin/privacy/export', payload: { email: 'Marie.Dupont@example.com' } });
    expect(exported.statusCode).toBe(200);
    expect(exported.json().visits).toEqual([expect.objectContaining({ id, visitor: expect.objectContaining({ name: 'Marie Dupont' }) })]);
    expect(exported.json().events.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['visit.checked_in', 'visit.resolved']));
    expect(exported.body).not.toContain('Someone Else');

    const erased = await t.as.admin.inject({ method: 'POST', url: '/api/admin/privacy/erase', payload: { badgeId: '0004411001' } });
    expect(erased.json()).toEqual({ erasedVisits: 1 });
    for (const value of personal) expect(await storedText(id)).not.toContain(value);
    const audit = JSON.stringify((await t.as.admin.inject({ url: '/api/admin/audit' })).json());
    expect(audit).toContain('privacy.erased');
    expect(audit).not.toContain('Marie');
    expect(audit).not.toContain('0004411001');
    expect((await t.as.alex.inject({ method: 'POST', url: '/api/admin/privacy/export', payload: { name: 'Someone Else' } })).statusCode).toBe(403);
  });

  it('shows ticket numbers only on displays by default, first name and initial when the site allows it', async () => {
    const display = await connectLive(t.app, t.as.display);
    display.send({ type: 'subscribe', siteId: demo.site, view: 'display' });
    await display.waitFor((m) => m.type === 'snapshot');
    await checkIn(t.app, demo.hardwareChoice, marie);
    const isCheckIn = (m: ServerMessage) => m.type === 'event' && m.event.type === 'visit.checked_in';
    await display.waitFor(isCheckIn);
    expect(JSON.stringify(display.received)).not.toContain('Marie');

    await t.as.admin.inject({ method: 'PUT', url: `/api/admin/sites/${demo.site}/privacy`, payload: { showNamesOnDisplay: true } });
    display.received.length = 0;
    await checkIn(t.app, demo.softwareChoice, { kind: 'email', email: 'john.smith@example.com' });
    const event = await display.waitFor(isCheckIn);
    const text = JSON.stringify(event);
    expect(text).toContain('John S.');
    expect(text).not.toContain('Smith');
    expect(text).not.toContain('john.smith');
    display.close();
  });
});
