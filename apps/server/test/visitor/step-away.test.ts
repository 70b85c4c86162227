import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, seatTechnician, type TestApp } from '../helpers/test-app.ts';
import { callNext, checkInWithLink, demo, followVisit, readTicket } from './visitor-helpers.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
  await seatTechnician(t.app, demo.alex, demo.desk1);
});
afterEach(async () => t.close());

const visitorPost = (token: string, action: string, payload: Record<string, unknown> = {}) =>
  t.app.inject({ method: 'POST', url: `/api/visitor/${action}`, headers: { 'x-visit-token': token }, ...(action === 'step-away' ? { payload } : {}) });

async function eventTypes(visitId: string): Promise<string[]> {
  const rows = await t.database.db.selectFrom('events').select('type').where('visit_id', '=', visitId).orderBy('seq').execute();
  return rows.map((r) => r.type);
}

describe('stepping away from the queue', () => {
  it('"10 more minutes" keeps the place: skipped by call-next, called first once the time is over', async () => {
    const first = await checkInWithLink(t.app, demo.hardwareChoice, { kind: 'guest', name: 'Away Person' });
    t.clock.advance(5);
    const second = await checkInWithLink(t.app, demo.hardwareChoice, { kind: 'guest', name: 'Second Person' });
    t.clock.advance(5);
    await checkInWithLink(t.app, demo.hardwareChoice, { kind: 'guest', name: 'Third Person' });

    const live = await followVisit(t.app, first.token);
    await live.waitFor((m) => m.type === 'ticket');
    expect((await visitorPost(first.token, 'step-away')).statusCode).toBe(200);
    const away = await live.waitFor((m) => m.type === 'ticket' && m.ticket.awayUntil !== null);
    expect(away).toMatchObject({ ticket: { awayUntil: '2026-11-23T09:10:10.000Z', stepAwayLeftMinutes: 20, position: 1 } });

    expect((await callNext(t.app, demo.alex, demo.desk1)).id).toBe(second.id);
    await t.as.alex.inject({ method: 'POST', url: `/api/visits/${second.id}/resolve`, payload: { technicianId: demo.alex, note: 'done' } });
    t.clock.advance(10 * 60);
    // Back in line where they were: ahead of the third visitor who checked in later.
    expect((await callNext(t.app, demo.alex, demo.desk1)).id).toBe(first.id);
    expect(await eventTypes(first.id)).toEqual(['visit.checked_in', 'visit.stepped_away', 'visit.called']);
  });

  it('"I’m back" makes the visitor callable at once', async () => {
    const first = await checkInWithLink(t.app, demo.hardwareChoice, { kind: 'guest', name: 'Away Person' });
    t.clock.advance(5);
    await checkInWithLink(t.app, demo.hardwareChoice, { kind: 'guest', name: 'Second Person' });
    await visitorPost(first.token, 'step-away');
    expect((await visitorPost(first.token, 'back')).statusCode).toBe(200);
    expect((await readTicket(t.app, first.token)).json()).toMatchObject({ awayUntil: null });
    expect((await callNext(t.app, demo.alex, demo.desk1)).id).toBe(first.id);
    expect(await eventTypes(first.id)).toEqual(['visit.checked_in', 'visit.stepped_away', 'visit.returned', 'visit.called']);
    // Not away any more: "back" again is refused and changes nothing.
    const again = await visitorPost(first.token, 'back');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('not_away');
  });

  it('stops at the site limit with a clear 409, and the admin sets the limit', async () => {
    const put = await t.as.admin.inject({ method: 'PUT', url: `/api/admin/sites/${demo.site}/visitor-settings`, payload: { stepAwayLimitMinutes: 15 } });
    expect(put.json()).toEqual({ stepAwayLimitMinutes: 15, rejoinGraceMinutes: 10, remoteCheckIn: false, callOnlyArrived: true, remoteNotifyMinutes: 10, visitorIdentification: 'sso_or_email', ssoConfigured: false });
    const visit = await checkInWithLink(t.app, demo.hardwareChoice);
    expect((await visitorPost(visit.token, 'step-away')).statusCode).toBe(200);
    const refused = await visitorPost(visit.token, 'step-away');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'step_away_limit', message: expect.stringContaining('5 left') });
    expect((await visitorPost(visit.token, 'step-away', { minutes: 5 })).statusCode).toBe(200);
    expect((await readTicket(t.app, visit.token)).json()).toMatchObject({ stepAwayLeftMinutes: 0, awayUntil: '2026-11-23T09:15:00.000Z' });
    expect(await eventTypes(visit.id)).toEqual(['visit.checked_in', 'visit.stepped_away', 'visit.stepped_away']);
  });

  it('refuses more time once called', async () => {
    const visit = await checkInWithLink(t.app, demo.hardwareChoice);
    await callNext(t.app, demo.alex, demo.desk1);
    const refused = await visitorPost(visit.token, 'step-away');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('not_waiting');
  });
});

describe('"I can’t come any more"', () => {
  it('cancels the ticket as an event, and the link ends with it', async () => {
    const visit = await checkInWithLink(t.app, demo.hardwareChoice);
    const live = await followVisit(t.app, visit.token);
    await live.waitFor((m) => m.type === 'ticket');
    expect((await visitorPost(visit.token, 'cancel')).statusCode).toBe(200);
    expect(await live.waitFor((m) => m.type === 'ended')).toMatchObject({ outcome: 'cancelled', feedbackOpen: false });
    expect(await eventTypes(visit.id)).toEqual(['visit.checked_in', 'visit.cancelled']);
    expect((await visitorPost(visit.token, 'cancel')).statusCode).toBe(410);
  });
});
