import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anonymiseVisits } from '../../src/privacy/anonymise.ts';
import { createTestApp, seatTechnician, type TestApp } from '../helpers/test-app.ts';
import { callNext, checkInWithLink, demo, followVisit, readTicket, technicianAction } from './visitor-helpers.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
  await seatTechnician(t.app, demo.alex, demo.desk1);
});
afterEach(async () => t.close());

const rejoin = (token: string) => t.app.inject({ method: 'POST', url: '/api/visitor/rejoin', headers: { 'x-visit-token': token } });
const rejoinState = (token: string) => t.app.inject({ url: '/api/visitor/rejoin', headers: { 'x-visit-token': token } });

/** Checks in three visitors, calls the first and marks them a no-show after the site's 120 s grace. */
async function missedCall() {
  const missed = await checkInWithLink(t.app, demo.hardwareChoice, { kind: 'guest', name: 'Late Person' });
  t.clock.advance(5);
  const second = await checkInWithLink(t.app, demo.hardwareChoice, { kind: 'guest', name: 'Second Person' });
  t.clock.advance(5);
  const third = await checkInWithLink(t.app, demo.hardwareChoice, { kind: 'guest', name: 'Third Person' });
  expect((await callNext(t.app, demo.alex, demo.desk1)).id).toBe(missed.id);
  t.clock.advance(121);
  await technicianAction(t.app, demo.alex, missed.id, 'no-show');
  return { missed, second, third };
}

async function eventTypes(visitId: string): Promise<string[]> {
  const rows = await t.database.db.selectFrom('events').select('type').where('visit_id', '=', visitId).orderBy('seq').execute();
  return rows.map((r) => r.type);
}

describe('rejoining after a missed call', () => {
  it('"I’m here now" puts a no-show back at the front of the queue, the same visit, called next', async () => {
    const { missed, second } = await missedCall();
    expect((await readTicket(t.app, missed.token)).statusCode).toBe(410);
    expect((await rejoinState(missed.token)).json()).toEqual({ open: true, openUntil: '2026-11-23T09:12:11.000Z' });

    t.clock.advance(60);
    expect((await rejoin(missed.token)).json()).toEqual({ ok: true });
    expect((await readTicket(t.app, missed.token)).json()).toMatchObject({ state: 'waiting', position: 1, desk: null });
    expect((await readTicket(t.app, second.token)).json()).toMatchObject({ position: 2 });
    const live = await followVisit(t.app, missed.token);
    await live.waitFor((m) => m.type === 'ticket' && m.ticket.position === 1);
    live.close();

    expect((await callNext(t.app, demo.alex, demo.desk1)).id).toBe(missed.id);
    expect(await eventTypes(missed.id)).toEqual(['visit.checked_in', 'visit.called', 'visit.no_show', 'visit.rejoined', 'visit.called']);
    // Still one visit: the staff see it with its original check-in time, not a second ticket.
    const visit = (await t.as.alex.inject({ url: `/api/visits/${missed.id}` })).json();
    expect(visit).toMatchObject({ state: 'called', ticketNumber: missed.ticketNumber, checkedInAt: '2026-11-23T09:00:00.000Z', endedAt: null });
  });

  it('refuses once the grace window is over; nothing changes', async () => {
    const { missed } = await missedCall();
    t.clock.advance(10 * 60);
    const late = await rejoin(missed.token);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'rejoin_expired', message: expect.stringContaining('10 minutes') });
    expect((await rejoinState(missed.token)).json()).toEqual({ open: false, openUntil: null });
    expect(await eventTypes(missed.id)).toEqual(['visit.checked_in', 'visit.called', 'visit.no_show']);
  });

  it('refuses when the site turned rejoining off (0 minutes)', async () => {
    const put = await t.as.admin.inject({ method: 'PUT', url: `/api/admin/sites/${demo.site}/visitor-settings`, payload: { stepAwayLimitMinutes: 30, rejoinGraceMinutes: 0 } });
    expect(put.json()).toEqual({ stepAwayLimitMinutes: 30, rejoinGraceMinutes: 0, remoteCheckIn: false, callOnlyArrived: true, remoteNotifyMinutes: 10, visitorIdentification: 'sso_or_email', ssoConfigured: false });
    const { missed: other } = await missedCall();
    const off = await rejoin(other.token);
    expect(off.statusCode).toBe(409);
    expect(off.json().code).toBe('rejoin_off');
    expect(await eventTypes(other.id)).toEqual(['visit.checked_in', 'visit.called', 'visit.no_show']);
  });

  it('only a no-show may rejoin, only with its own link, and not twice', async () => {
    const { missed, second } = await missedCall();
    const waiting = await rejoin(second.token);
    expect(waiting.statusCode).toBe(409);
    expect(waiting.json().message).toContain('cannot rejoin a visit that is waiting');
    expect((await rejoin('x'.repeat(43))).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/api/visitor/rejoin' })).statusCode).toBe(400);
    expect((await rejoin(missed.token)).statusCode).toBe(200);
    expect((await rejoin(missed.token)).statusCode).toBe(409);
    expect((await eventTypes(missed.id)).filter((type) => type === 'visit.rejoined')).toHaveLength(1);
  });

  it('refuses when the person checked in again meanwhile (one ticket per person)', async () => {
    const missed = await checkInWithLink(t.app, demo.hardwareChoice, { kind: 'badge', badgeId: '0004411001' });
    await callNext(t.app, demo.alex, demo.desk1);
    t.clock.advance(121);
    await technicianAction(t.app, demo.alex, missed.id, 'no-show');
    await checkInWithLink(t.app, demo.hardwareChoice, { kind: 'badge', badgeId: '0004411001' });
    const again = await rejoin(missed.token);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_checked_in');
  });

  it('keeps no name in the log once the visit is anonymised, the rejoin event included', async () => {
    const { missed } = await missedCall();
    await rejoin(missed.token);
    await t.database.db.transaction().execute((trx) => anonymiseVisits(trx, [missed.id], '2026-12-30T00:00:00.000Z'));
    const rows = await t.database.db.selectFrom('events').select('data').where('visit_id', '=', missed.id).execute();
    expect(rows.map((r) => r.data).join('')).not.toContain('Late Person');
  });
});
