import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutbox } from '../appointments/appointment-helpers.ts';
import { createTestApp, seatTechnician, type TestApp } from '../helpers/test-app.ts';
import { callNext, checkInWithLink, demo, readTicket } from '../visitor/visitor-helpers.ts';

let t: TestApp;
let outbox: ReturnType<typeof createOutbox>;
beforeEach(async () => {
  outbox = createOutbox();
  t = await createTestApp({ sendMail: outbox.sendMail });
  await seatTechnician(t.app, demo.alex, demo.desk1);
});
afterEach(async () => t.close());

async function setRemoteCheckIn(settings: { remoteCheckIn: boolean; callOnlyArrived?: boolean }) {
  const response = await t.as.admin.inject({ method: 'PUT', url: `/api/admin/sites/${demo.site}/visitor-settings`, payload: { stepAwayLimitMinutes: 30, ...settings } });
  expect(response.statusCode).toBe(200);
  return response.json();
}

const ask = (payload: Record<string, unknown>, remoteAddress = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: `/api/sites/${demo.site}/remote-check-ins`, payload, remoteAddress });
const confirm = (token: string) => t.app.inject({ method: 'POST', url: '/api/remote-check-ins/confirm', payload: { token } });
const arrive = (token: string) => t.app.inject({ method: 'POST', url: '/api/visitor/arrived', headers: { 'x-visit-token': token } });
const request = (email: string, name = 'Remote Person') => ({ categoryId: demo.hardwareChoice, name, email, language: 'en' });

/** Asks, reads the emailed link, opens it: the visit's id and its phone token. */
async function checkInRemotely(email: string, name?: string) {
  expect((await ask(request(email, name))).statusCode).toBe(202);
  const opened = await confirm(outbox.tokenFrom(email, 'checkin-link'));
  expect(opened.statusCode).toBe(201);
  const token = (opened.json().visitorLink as string).split('#')[1]!;
  const visit = await t.database.db.selectFrom('visits').select(['id', 'on_the_way']).where('visitor_email', '=', email).executeTakeFirstOrThrow();
  return { id: visit.id, token, ticketNumber: opened.json().ticketNumber as string };
}

async function eventsOf(visitId: string) {
  return t.database.db.selectFrom('events').select(['type', 'data']).where('visit_id', '=', visitId).orderBy('seq').execute();
}

describe('remote check-in', () => {
  it('is off until the site turns it on, and calls only arrived visitors by default', async () => {
    const off = await t.app.inject({ url: `/api/sites/${demo.site}/remote-check-in` });
    expect(off.statusCode).toBe(409);
    expect(off.json().code).toBe('remote_check_in_off');
    expect((await ask(request('someone@example.org'))).statusCode).toBe(409);
    expect(await setRemoteCheckIn({ remoteCheckIn: true })).toMatchObject({ remoteCheckIn: true, callOnlyArrived: true });
    const options = (await t.app.inject({ url: `/api/sites/${demo.site}/remote-check-in` })).json();
    expect(options.categories.find((c: { id: string }) => c.id === demo.hardwareChoice)).toMatchObject({ leaf: true });
  });

  it('emails a link; opening it queues the visitor on the way; call-next skips them until "I\'m here"', async () => {
    await setRemoteCheckIn({ remoteCheckIn: true });
    const remote = await checkInRemotely('pat.remote@example.org', 'Pat Remote');
    const mail = outbox.sent.find((m) => m.to === 'pat.remote@example.org')!;
    expect(mail.subject).toContain('Confirm your check-in');
    expect(mail.text).toContain('/visitor/?checkin-link=');
    expect((await readTicket(t.app, remote.token)).json()).toMatchObject({ ticketNumber: remote.ticketNumber, onTheWay: true, position: 1 });

    t.clock.advance(60);
    const walkIn = await checkInWithLink(t.app, demo.hardwareChoice, { kind: 'guest', name: 'Walk In' });
    // The walk-in is behind the remote visitor, and told a wait that counts them: the estimator has
    // them as waiting in their place (a 20-minute repair ahead of the walk-in).
    const walkInTicket = (await readTicket(t.app, walkIn.token)).json();
    expect(walkInTicket.position).toBe(2);
    expect(walkInTicket.estimate.expectedSeconds).toBeGreaterThan(10 * 60);
    expect((await callNext(t.app, demo.alex, demo.desk1)).id).toBe(walkIn.id);
    await t.as.alex.inject({ method: 'POST', url: `/api/visits/${walkIn.id}/resolve`, payload: { technicianId: demo.alex, note: 'done' } });
    // Nobody else is here: the desk waits rather than calling someone on the road.
    const nobody = await t.as.alex.inject({ method: 'POST', url: `/api/desks/${demo.desk1}/call-next`, payload: { technicianId: demo.alex } });
    expect(nobody.statusCode).toBe(204);

    expect((await arrive(remote.token)).statusCode).toBe(200);
    expect((await readTicket(t.app, remote.token)).json()).toMatchObject({ onTheWay: false });
    const again = await arrive(remote.token);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_arrived');
    expect((await callNext(t.app, demo.alex, demo.desk1)).id).toBe(remote.id);

    const events = await eventsOf(remote.id);
    expect(events.map((e) => e.type)).toEqual(['visit.checked_in', 'visit.arrived', 'visit.called']);
    expect(JSON.parse(events[0]!.data)).toMatchObject({ onTheWay: true });
    expect(JSON.parse(events[1]!.data)).toEqual({ via: 'phone' });
  });

  it('calls a visitor on the way when the site calls people wherever they are', async () => {
    await setRemoteCheckIn({ remoteCheckIn: true, callOnlyArrived: false });
    const remote = await checkInRemotely('far.away@example.org');
    expect((await callNext(t.app, demo.alex, demo.desk1)).id).toBe(remote.id);
  });

  it('takes a badge scan at the kiosk as the arrival of the same person, not a duplicate', async () => {
    await setRemoteCheckIn({ remoteCheckIn: true });
    const remote = await checkInRemotely('marie.dupont@example.com', 'Marie Dupont');
    const atKiosk = await t.as.kiosk.inject({ method: 'POST', url: `/api/sites/${demo.site}/visits`, payload: { categoryId: demo.softwareChoice, visitor: { kind: 'badge', badgeId: '0004411001' } } });
    expect(atKiosk.statusCode).toBe(201);
    expect(atKiosk.json()).toMatchObject({ id: remote.id, ticketNumber: remote.ticketNumber, arrived: true, position: 1 });
    expect((await eventsOf(remote.id)).map((e) => e.type)).toEqual(['visit.checked_in', 'visit.arrived']);
    // Arrived now: a second scan is the ordinary duplicate.
    const twice = await t.as.kiosk.inject({ method: 'POST', url: `/api/sites/${demo.site}/visits`, payload: { categoryId: demo.softwareChoice, visitor: { kind: 'badge', badgeId: '0004411001' } } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('already_checked_in');
    expect((await callNext(t.app, demo.alex, demo.desk1)).id).toBe(remote.id);
  });

  it('refuses a person already in the queue, at the request and at the link', async () => {
    await setRemoteCheckIn({ remoteCheckIn: true });
    await checkInWithLink(t.app, demo.hardwareChoice, { kind: 'email', email: 'john.smith@example.com' });
    const refused = await ask(request('John.Smith@example.com'));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('already_checked_in');
    expect(outbox.sent).toHaveLength(0);

    // Asked before taking a kiosk ticket, opened after: the link says so and stays usable.
    expect((await ask(request('lukas.weber@example.com'))).statusCode).toBe(202);
    const token = outbox.tokenFrom('lukas.weber@example.com', 'checkin-link');
    const kiosk = await checkInWithLink(t.app, demo.hardwareChoice, { kind: 'email', email: 'lukas.weber@example.com' });
    expect((await confirm(token)).json().code).toBe('already_checked_in');
    await t.as.alex.inject({ method: 'POST', url: `/api/visits/${kiosk.id}/cancel`, payload: {} });
    expect((await confirm(token)).statusCode).toBe(201);
  });

  it('uses a link once, and not after it expired', async () => {
    await setRemoteCheckIn({ remoteCheckIn: true });
    await checkInRemotely('once@example.org');
    const used = await confirm(outbox.tokenFrom('once@example.org', 'checkin-link'));
    expect(used.statusCode).toBe(409);
    expect(used.json().code).toBe('link_used');
    expect(await t.database.db.selectFrom('visits').select('id').where('visitor_email', '=', 'once@example.org').execute()).toHaveLength(1);

    expect((await ask(request('late@example.org'))).statusCode).toBe(202);
    t.clock.advance(16 * 60);
    const expired = await confirm(outbox.tokenFrom('late@example.org', 'checkin-link'));
    expect(expired.json().code).toBe('link_expired');
    expect((await confirm('x'.repeat(43))).statusCode).toBe(404);
  });

  it('keeps no name or email of an unopened link once the person is erased', async () => {
    await setRemoteCheckIn({ remoteCheckIn: true });
    expect((await ask(request('erase.me@example.org', 'Erase Me'))).statusCode).toBe(202);
    const erased = await t.as.admin.inject({ method: 'POST', url: '/api/admin/privacy/erase', payload: { email: 'Erase.Me@example.org' } });
    expect(erased.statusCode).toBe(200);
    expect(await t.database.db.selectFrom('remote_check_in_requests').selectAll().execute()).toEqual([]);
    expect((await confirm(outbox.tokenFrom('erase.me@example.org', 'checkin-link'))).statusCode).toBe(404);
  });

  it('limits requests per email and per IP with 429', async () => {
    await setRemoteCheckIn({ remoteCheckIn: true });
    for (let i = 0; i < 3; i++) expect((await ask(request('flood@example.org'), `10.0.1.${i}`)).statusCode).toBe(202);
    const perEmail = await ask(request('FLOOD@example.org'), '10.0.1.9');
    expect(perEmail.statusCode).toBe(429);
    expect(perEmail.headers['retry-after']).toBeDefined();
    expect(outbox.sent).toHaveLength(3);

    for (let i = 0; i < 5; i++) expect((await ask(request(`person${i}@example.org`), '10.0.2.1')).statusCode).toBe(202);
    expect((await ask(request('person9@example.org'), '10.0.2.1')).statusCode).toBe(429);
  });

  it('names the field of bad input and changes nothing', async () => {
    await setRemoteCheckIn({ remoteCheckIn: true });
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ ...request('a@example.org'), email: 'not-an-email' }, /email/],
      [{ ...request('a@example.org'), name: '' }, /name/],
      [{ ...request('a@example.org'), categoryId: 'laptop' }, /sub-choices/],
      [{ ...request('a@example.org'), categoryId: 'nope' }, /category 'nope'/],
      [{ ...request('a@example.org'), language: 'de' }, /language/],
      [{ ...request('a@example.org'), extra: 1 }, /additional/],
    ];
    for (const [payload, message] of cases) {
      const response = await ask(payload, `10.0.3.${cases.findIndex((c) => c[0] === payload)}`);
      expect(response.statusCode, JSON.stringify(payload)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.json().message).toMatch(message);
    }
    expect(outbox.sent).toHaveLength(0);
    expect(await t.database.db.selectFrom('remote_check_in_requests').selectAll().execute()).toHaveLength(0);
    expect((await arrive('short')).statusCode).toBe(400);
  });
});
