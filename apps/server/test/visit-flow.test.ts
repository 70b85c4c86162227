import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callerOfTechnician, checkIn, createTestApp, demo, seatTechnician, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

async function eventTypes(): Promise<string[]> {
  const rows = await t.database.db.selectFrom('events').select(['type', 'seq']).orderBy('seq').execute();
  rows.forEach((row, index) => expect(row.seq).toBe(index + 1));
  return rows.map((r) => r.type);
}

describe('check-in', () => {
  it('gives a ticket number with the queue prefix, a position and an estimate', async () => {
    await seatTechnician(t.app, demo.alex, demo.desk1);
    const first = await checkIn(t.app, demo.hardwareChoice, { kind: 'badge', badgeId: '0004411001' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ ticketNumber: 'H-001', queueId: 'hq-hardware', position: 1 });
    expect(first.json().estimate.expectedSeconds).toBeLessThan(60);
    t.clock.advance(5);
    const second = await checkIn(t.app, demo.hardwareChoice);
    expect(second.json()).toMatchObject({ ticketNumber: 'H-002', position: 2 });
    // Alex is free, so the first visitor is next; the second waits about one repair (1200 s configured).
    const { expectedSeconds, lowSeconds, highSeconds } = second.json().estimate;
    expect(expectedSeconds).toBeGreaterThan(1200 * 0.8);
    expect(expectedSeconds).toBeLessThan(1200 * 1.2);
    expect(lowSeconds).toBeLessThan(expectedSeconds);
    expect(highSeconds).toBeGreaterThan(expectedSeconds);
    const visit = await t.as.alex.inject({ url: `/api/visits/${first.json().id}` });
    expect(visit.json().visitor).toMatchObject({ kind: 'badge', name: 'Marie Dupont', email: 'marie.dupont@example.com' });
  });

  it('refuses a second ticket for someone already in the queue', async () => {
    await checkIn(t.app, demo.hardwareChoice, { kind: 'email', email: 'john.smith@example.com' });
    const again = await checkIn(t.app, demo.softwareChoice, { kind: 'email', email: 'John.Smith@example.com' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('H-001');
  });

  it('refuses a second ticket for the same email in another letter case, also for someone not in the directory', async () => {
    const first = await checkIn(t.app, demo.hardwareChoice, { kind: 'email', email: 'Pat.Newcomer@Example.org' });
    expect(first.statusCode).toBe(201);
    const again = await checkIn(t.app, demo.softwareChoice, { kind: 'email', email: 'pat.newcomer@example.ORG' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'already_checked_in' });
    expect(again.json().message).toContain(first.json().ticketNumber);
    const visit = await t.as.alex.inject({ url: `/api/visits/${first.json().id}` });
    expect(visit.json().visitor.email).toBe('pat.newcomer@example.org');
  });

  it.each([
    [{ categoryId: 'laptop', visitor: { kind: 'guest', name: 'A' } }, 400, 'sub-choices'],
    [{ categoryId: 'nope', visitor: { kind: 'guest', name: 'A' } }, 404, "category 'nope'"],
    [{ categoryId: 'laptop-slow', visitor: { kind: 'guest' } }, 400, 'visitor.name'],
    [{ categoryId: 'laptop-slow', visitor: { kind: 'email', email: 'not-an-email' } }, 400, 'email'],
    [{ categoryId: 'laptop-slow', visitor: { kind: 'guest', name: 'A' }, extra: 1 }, 400, 'additional'],
    [{ categoryId: 'laptop-slow', visitor: { kind: 'guest', name: 'x'.repeat(81) } }, 400, 'name'],
  ])('rejects %j with %i and changes nothing', async (payload, status, text) => {
    const response = await t.as.kiosk.inject({ method: 'POST', url: `/api/sites/${demo.site}/visits`, payload });
    expect(response.statusCode).toBe(status);
    expect(response.json().message).toContain(text);
    expect(await t.database.db.selectFrom('visits').select('id').execute()).toHaveLength(0);
    expect(await eventTypes()).toEqual([]);
  });

  it('refuses check-in when the site is closed', async () => {
    // As an admin sets them: the change reaches the app's cached setup (a write behind its back would not, for up to a minute).
    const hours = await t.as.admin.inject({ method: 'PUT', url: `/api/admin/sites/${demo.site}/opening-hours`, payload: { openingHours: { mon: [['08:00', '09:00']] }, checkInCutoffMinutes: 0 } });
    expect(hours.statusCode).toBe(200);
    t.clock.set('2026-11-23T12:00:00Z'); // Monday 13:00 in Paris
    const response = await checkIn(t.app, demo.hardwareChoice);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('site_closed');
  });

  it('restarts ticket numbers at midnight in the site time zone', async () => {
    t.clock.set('2026-11-23T22:50:00Z'); // 23:50 in Paris
    expect((await checkIn(t.app, demo.hardwareChoice)).json().ticketNumber).toBe('H-001');
    expect((await checkIn(t.app, demo.hardwareChoice)).json().ticketNumber).toBe('H-002');
    t.clock.set('2026-11-23T23:05:00Z'); // 00:05 the next day in Paris, still the 23rd in UTC
    expect((await checkIn(t.app, demo.hardwareChoice)).json().ticketNumber).toBe('H-001');
  });
});

describe('serving', () => {
  it('runs the whole loop with one event per change, in order', async () => {
    await seatTechnician(t.app, demo.alex, demo.desk1);
    const { id } = (await checkIn(t.app, demo.hardwareChoice)).json();
    const called = await t.as.alex.inject({ method: 'POST', url: `/api/desks/${demo.desk1}/call-next`, payload: { technicianId: demo.alex } });
    expect(called.statusCode).toBe(200);
    expect(called.json()).toMatchObject({ id, state: 'called', deskId: demo.desk1 });
    const recall = await t.as.alex.inject({ method: 'POST', url: `/api/visits/${id}/recall`, payload: { technicianId: demo.alex } });
    expect(recall.json().callCount).toBe(2);
    const start = await t.as.alex.inject({ method: 'POST', url: `/api/visits/${id}/start`, payload: { technicianId: demo.alex } });
    expect(start.json().state).toBe('in_service');
    const resolve = await t.as.alex.inject({ method: 'POST', url: `/api/visits/${id}/resolve`, payload: { technicianId: demo.alex, note: 'Reseated the RAM' } });
    expect(resolve.json()).toMatchObject({ state: 'resolved' });
    expect(await eventTypes()).toEqual(['technician.presence_changed', 'visit.checked_in', 'visit.called', 'visit.recalled', 'visit.started', 'visit.resolved']);
  });

  it('answers 204 when nobody waits in the technician queues', async () => {
    await seatTechnician(t.app, demo.alex, demo.desk1);
    await checkIn(t.app, demo.passwordChoice); // access queue: Alex does not serve it
    const response = await t.as.alex.inject({ method: 'POST', url: `/api/desks/${demo.desk1}/call-next`, payload: { technicianId: demo.alex } });
    expect(response.statusCode).toBe(204);
  });

  it('calls higher priority first, then the longest wait, across the technician queues', async () => {
    await seatTechnician(t.app, demo.sam, demo.desk2); // access + software
    const software = (await checkIn(t.app, demo.softwareChoice)).json();
    t.clock.advance(60);
    const password = (await checkIn(t.app, demo.passwordChoice)).json(); // priority 1
    t.clock.advance(60);
    await checkIn(t.app, demo.softwareChoice, { kind: 'guest', name: 'Later' });
    const first = await t.as.sam.inject({ method: 'POST', url: `/api/desks/${demo.desk2}/call-next`, payload: { technicianId: demo.sam } });
    expect(first.json().id).toBe(password.id);
    await t.as.sam.inject({ method: 'POST', url: `/api/visits/${password.id}/resolve`, payload: { technicianId: demo.sam, note: 'reset' } });
    const second = await t.as.sam.inject({ method: 'POST', url: `/api/desks/${demo.desk2}/call-next`, payload: { technicianId: demo.sam } });
    expect(second.json().id).toBe(software.id);
  });

  it('never gives the same visitor to two desks calling at once', async () => {
    await seatTechnician(t.app, demo.alex, demo.desk1);
    await seatTechnician(t.app, demo.sam, demo.desk2);
    await checkIn(t.app, demo.softwareChoice);
    const [a, b] = await Promise.all([
      t.as.alex.inject({ method: 'POST', url: `/api/desks/${demo.desk1}/call-next`, payload: { technicianId: demo.alex } }),
      t.as.sam.inject({ method: 'POST', url: `/api/desks/${demo.desk2}/call-next`, payload: { technicianId: demo.sam } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 204]);
  });

  it('refuses illegal transitions with 409 and a clear message', async () => {
    const { id } = (await checkIn(t.app, demo.hardwareChoice)).json();
    const response = await t.as.alex.inject({ method: 'POST', url: `/api/visits/${id}/resolve`, payload: { technicianId: demo.alex, note: 'x' } });
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toBe('cannot resolve a visit that is waiting; it must be called or in service');
    expect((await t.as.alex.inject({ url: `/api/visits/${id}` })).json().state).toBe('waiting');
  });

  it('enforces the no-show grace period', async () => {
    await seatTechnician(t.app, demo.alex, demo.desk1);
    const { id } = (await checkIn(t.app, demo.hardwareChoice)).json();
    await t.as.alex.inject({ method: 'POST', url: `/api/desks/${demo.desk1}/call-next`, payload: { technicianId: demo.alex } });
    t.clock.advance(30);
    const early = await t.as.alex.inject({ method: 'POST', url: `/api/visits/${id}/no-show`, payload: { technicianId: demo.alex } });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('wait 90 s more');
    t.clock.advance(90);
    const late = await t.as.alex.inject({ method: 'POST', url: `/api/visits/${id}/no-show`, payload: { technicianId: demo.alex } });
    expect(late.json().state).toBe('no_show');
  });

  it('transfers keeping the original check-in time, and escalates to a known group only', async () => {
    await seatTechnician(t.app, demo.alex, demo.desk1);
    const first = (await checkIn(t.app, demo.hardwareChoice)).json();
    t.clock.advance(120);
    await checkIn(t.app, demo.passwordChoice, { kind: 'guest', name: 'Other' });
    await t.as.alex.inject({ method: 'POST', url: `/api/desks/${demo.desk1}/call-next`, payload: { technicianId: demo.alex } });
    const moved = await t.as.alex.inject({ method: 'POST', url: `/api/visits/${first.id}/transfer`, payload: { technicianId: demo.alex, queueId: 'hq-access', reason: 'needs a password reset' } });
    expect(moved.json()).toMatchObject({ state: 'waiting', queueId: 'hq-access', checkedInAt: '2026-11-23T09:00:00.000Z' });
    const state = (await t.as.display.inject({ url: `/api/sites/${demo.site}/state` })).json();
    expect(state.queues.find((q: { id: string }) => q.id === 'hq-access').waitingCount).toBe(2);

    await seatTechnician(t.app, demo.sam, demo.desk2);
    // The transferred visitor has lower priority than the password reset but keeps their check-in time.
    const next = await t.as.sam.inject({ method: 'POST', url: `/api/visits/${first.id}/call`, payload: { technicianId: demo.sam, deskId: demo.desk2 } });
    expect(next.json().state).toBe('called');
    const bad = await t.as.sam.inject({ method: 'POST', url: `/api/visits/${first.id}/escalate`, payload: { technicianId: demo.sam, group: 'Nobody' } });
    expect(bad.statusCode).toBe(400);
    const escalated = await t.as.sam.inject({ method: 'POST', url: `/api/visits/${first.id}/escalate`, payload: { technicianId: demo.sam, group: 'Desktop Support L2', note: 'motherboard' } });
    expect(escalated.json().state).toBe('escalated');
  });

  it('lets a technician call out of order only from the queues they serve', async () => {
    await seatTechnician(t.app, demo.alex, demo.desk1); // hardware + software, not access
    const password = (await checkIn(t.app, demo.passwordChoice)).json();
    const refused = await callerOfTechnician(t.app, demo.alex).inject({ method: 'POST', url: `/api/visits/${password.id}/call`, payload: { technicianId: demo.alex, deskId: demo.desk1 } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('does not serve the queue of ticket A-001');
    const state = (await t.as.alex.inject({ url: `/api/visits/${password.id}` })).json();
    expect(state.state).toBe('waiting');
  });

  it('requires the technician to be available at the desk before calling', async () => {
    await checkIn(t.app, demo.hardwareChoice);
    const response = await t.as.alex.inject({ method: 'POST', url: `/api/desks/${demo.desk1}/call-next`, payload: { technicianId: demo.alex } });
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toContain('not available at Desk 1');
  });

  it('keeps one technician per desk', async () => {
    await seatTechnician(t.app, demo.alex, demo.desk1);
    const response = await t.as.sam.inject({ method: 'PUT', url: `/api/technicians/${demo.sam}/presence`, payload: { siteId: demo.site, deskId: demo.desk1, status: 'available' } });
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toBe('Desk 1 is already taken by Alex Martin');
  });
});
