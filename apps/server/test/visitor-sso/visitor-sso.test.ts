import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOutbox, enableAppointments } from '../appointments/appointment-helpers.ts';
import { findUserBySubject } from '../../src/auth/user-store.ts';
import { createOidcProvider, oidcSettingsOf } from '../auth/oidc-provider.ts';
import { createTestApp, demo, type TestApp } from '../helpers/test-app.ts';
import { signInAsVisitor } from './visitor-sso-helpers.ts';

const provider = createOidcProvider();
const server = setupServer(...provider.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const visitor = { sub: 'visitor-1', email: 'Sam.Visitor@Example.com', name: 'Sam Visitor', preferred_username: 'svisitor', employee_number: 'E4242', groups: ['staff-everyone'] };

let t: TestApp;
let outbox: ReturnType<typeof createOutbox>;
beforeEach(async () => {
  outbox = createOutbox();
  t = await createTestApp({ sendMail: outbox.sendMail, security: { oidc: oidcSettingsOf(provider) } });
  provider.signInAs(visitor);
});
afterEach(async () => {
  server.resetHandlers(...provider.handlers);
  await t.close();
});

async function setVisitorSettings(settings: Record<string, unknown>) {
  return t.as.admin.inject({ method: 'PUT', url: `/api/admin/sites/${demo.site}/visitor-settings`, payload: { stepAwayLimitMinutes: 30, ...settings } });
}
const checkIn = (cookie: string | undefined, body: Record<string, unknown> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/visitor-sso/check-ins', headers: cookie ? { cookie } : {}, payload: { siteId: demo.site, categoryId: demo.hardwareChoice, language: 'en', ...body } });
const identityOf = (cookie: string | undefined, purpose = 'check-in') =>
  t.app.inject({ url: `/api/visitor-sso/identity?siteId=${demo.site}&purpose=${purpose}`, headers: cookie ? { cookie } : {} });

describe('remote check-in by single sign-on', () => {
  beforeEach(async () => expect((await setVisitorSettings({ remoteCheckIn: true })).statusCode).toBe(200));

  it('checks the visitor in at once, on the way, as the provider names them, with no email and no staff session', async () => {
    const options = (await t.app.inject({ url: `/api/sites/${demo.site}/remote-check-in` })).json();
    expect(options.identification).toEqual({ email: true, sso: true });
    const signIn = await signInAsVisitor(t, provider, 'check-in');
    expect(signIn.location).toBe(`/visitor/?checkin=${demo.site}`);
    expect(signIn.sessionCookie).toBeUndefined();
    expect(signIn.raw).toMatch(/HttpOnly/);
    expect(signIn.raw).toMatch(/SameSite=Strict/);
    expect(signIn.raw).toMatch(/Path=\/api\/visitor-sso/);
    expect((await identityOf(signIn.identityCookie)).json()).toMatchObject({ name: 'Sam Visitor', email: 'sam.visitor@example.com', employeeId: 'E4242' });

    const checkedIn = await checkIn(signIn.identityCookie);
    expect(checkedIn.statusCode).toBe(201);
    expect(checkedIn.json().visitorLink).toMatch(/^\/visitor\/ticket#/);
    const visit = await t.database.db.selectFrom('visits').selectAll().where('visitor_email', '=', 'sam.visitor@example.com').executeTakeFirstOrThrow();
    expect(visit).toMatchObject({ on_the_way: 1, visitor_name: 'Sam Visitor', visitor_employee_id: 'E4242', ticket_number: checkedIn.json().ticketNumber, state: 'waiting' });
    expect(outbox.sent).toEqual([]);
    // The sign-in served once: replaying the cookie makes no second visit.
    const replay = await checkIn(signIn.identityCookie);
    expect(replay.statusCode).toBe(409);
    expect(replay.json().code).toBe('visitor_sign_in_used');
    // A visitor is no account: no user row, and the audit of staff sign-ins has nothing of them.
    expect(await findUserBySubject(t.database.db, `${provider.issuer}#visitor-1`)).toBeUndefined();
  });

  it('keeps the duplicate rule: someone in the queue cannot check in again, and keeps their sign-in to see why', async () => {
    expect((await checkIn((await signInAsVisitor(t, provider, 'check-in')).identityCookie)).statusCode).toBe(201);
    const second = await signInAsVisitor(t, provider, 'check-in');
    const again = await checkIn(second.identityCookie);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_checked_in');
    expect((await identityOf(second.identityCookie)).statusCode).toBe(200);
    expect(await t.database.db.selectFrom('visits').select('id').where('visitor_email', '=', 'sam.visitor@example.com').execute()).toHaveLength(1);
  });

  it('binds a sign-in to its site and page, and to ten minutes', async () => {
    const signIn = await signInAsVisitor(t, provider, 'check-in');
    expect((await identityOf(signIn.identityCookie, 'booking')).json().code).toBe('visitor_sign_in_elsewhere');
    // What a cross-site form can send (no preflight) is refused before anything is used.
    const form = await t.app.inject({ method: 'POST', url: '/api/visitor-sso/check-ins', headers: { cookie: signIn.identityCookie!, 'content-type': 'text/plain' }, payload: JSON.stringify({ siteId: demo.site, categoryId: demo.hardwareChoice, language: 'en' }) });
    expect(form.statusCode).toBeGreaterThanOrEqual(400);
    expect(form.statusCode).toBeLessThan(500);
    const urlEncoded = await t.app.inject({ method: 'POST', url: '/api/visitor-sso/check-ins', headers: { cookie: signIn.identityCookie!, 'content-type': 'application/x-www-form-urlencoded' }, payload: `siteId=${demo.site}&categoryId=${demo.hardwareChoice}&language=en` });
    expect(urlEncoded.statusCode).toBe(415);
    expect((await identityOf(signIn.identityCookie)).statusCode).toBe(200);
    t.clock.advance(11 * 60);
    const late = await checkIn(signIn.identityCookie);
    expect(late.statusCode).toBe(401);
    expect(late.json().code).toBe('visitor_sign_in_needed');
    expect((await checkIn(undefined)).statusCode).toBe(401);
  });

  it('shows provider errors, a tampered state and an expired sign-in on the visitor page, never the console', async () => {
    const tampered = await signInAsVisitor(t, provider, 'check-in', (q) => q.set('state', `${q.get('state')}x`));
    expect(tampered.location).toBe(`/visitor/?checkin=${demo.site}&sso_error=rejected`);
    expect(tampered.identityCookie).toBeUndefined();
    const forged = await signInAsVisitor(t, provider, 'check-in', (q) => q.set('state', 'forged'));
    expect(forged.location).toBe(`/visitor/?checkin=${demo.site}&sso_error=rejected`);
    const cancelled = await signInAsVisitor(t, provider, 'check-in', (q) => {
      q.delete('code');
      q.set('error', 'access_denied');
    });
    expect(cancelled.location).toBe(`/visitor/?checkin=${demo.site}&sso_error=cancelled`);
    // The transaction cookie expired (10 minutes at the provider): the state still says whose it was.
    const expired = await t.app.inject({ url: `/api/auth/oidc/callback?code=x&state=visitor.check-in.${demo.site}.abc` });
    expect(expired.headers.location).toBe(`/visitor/?checkin=${demo.site}&sso_error=expired`);
    provider.signInAs({ sub: 'no-contact', name: 'Nobody' });
    expect((await signInAsVisitor(t, provider, 'check-in')).location).toBe(`/visitor/?checkin=${demo.site}&sso_error=no_contact`);
    expect(await t.database.db.selectFrom('visitor_sso_identities').select('token_hash').execute()).toEqual([]);
  });

  it('keeps no identity of a person erased on request, by email or employee id', async () => {
    const byEmail = await signInAsVisitor(t, provider, 'check-in');
    provider.signInAs({ sub: 'visitor-3', employee_number: 'E9', name: 'Only Employee Id' });
    const byEmployeeId = await signInAsVisitor(t, provider, 'check-in');
    expect((await identityOf(byEmployeeId.identityCookie)).json()).toMatchObject({ email: null, employeeId: 'E9' });
    expect((await t.as.admin.inject({ method: 'POST', url: '/api/admin/privacy/erase', payload: { email: 'SAM.visitor@example.com' } })).statusCode).toBe(200);
    expect((await t.as.admin.inject({ method: 'POST', url: '/api/admin/privacy/erase', payload: { employeeId: 'E9' } })).statusCode).toBe(200);
    expect((await identityOf(byEmail.identityCookie)).statusCode).toBe(401);
    expect((await identityOf(byEmployeeId.identityCookie)).statusCode).toBe(401);
  });

  it('reads what the ID token leaves out from the userinfo endpoint', async () => {
    provider.signInAs({ sub: 'visitor-2', preferred_username: 'jdoe' }, { email: 'jo.doe@example.com', name: 'Jo Doe', employee_number: 'E7' });
    const signIn = await signInAsVisitor(t, provider, 'check-in');
    expect((await identityOf(signIn.identityCookie)).json()).toMatchObject({ name: 'Jo Doe', email: 'jo.doe@example.com', employeeId: 'E7' });
  });

  it('gives a visitor sign-in no staff right, even for a member of the admin group; the staff entry point still works', async () => {
    provider.signInAs({ sub: 'boss', email: 'boss@example.com', name: 'Boss', groups: ['walkup-admins'] });
    const signIn = await signInAsVisitor(t, provider, 'check-in');
    expect(signIn.sessionCookie).toBeUndefined();
    const cookie = signIn.identityCookie!;
    for (const [method, url] of [
      ['GET', '/api/admin/users'],
      ['GET', `/api/admin/sites/${demo.site}/visitor-settings`],
      ['GET', '/api/auth/session'],
      ['POST', `/api/desks/${demo.desk1}/call-next`],
    ] as const) {
      const response = await t.app.inject({ method, url, headers: { cookie }, ...(method === 'POST' ? { payload: { technicianId: demo.alex } } : {}) });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
    expect(await findUserBySubject(t.database.db, `${provider.issuer}#boss`)).toBeUndefined();
    const start = await t.app.inject({ url: '/api/auth/oidc/start' });
    const { code, state } = provider.authorize(String(start.headers.location));
    const staffCookie = [start.headers['set-cookie']].flat().find((c) => c?.startsWith('walkup_oidc='))!.split(';')[0]!;
    const staff = await t.app.inject({ url: `/api/auth/oidc/callback?code=${code}&state=${state}`, headers: { cookie: staffCookie } });
    expect(staff.headers.location).toBe('/console/');
  });
});

describe('booking by single sign-on', () => {
  beforeEach(async () => enableAppointments(t, { 'hq-hardware': 1 }));
  const elevenParis = '2026-11-23T10:00:00.000Z';
  const book = (cookie: string | undefined, startsAt = elevenParis) =>
    t.app.inject({ method: 'POST', url: '/api/visitor-sso/bookings', headers: cookie ? { cookie } : {}, payload: { siteId: demo.site, categoryId: demo.hardwareChoice, startsAt, language: 'en' } });

  it('books the slot at once for the signed-in person, one booking per person', async () => {
    expect((await t.app.inject({ url: `/api/sites/${demo.site}/booking-options` })).json().identification).toEqual({ email: true, sso: true });
    const signIn = await signInAsVisitor(t, provider, 'booking');
    expect(signIn.location).toBe(`/visitor/?book=${demo.site}`);
    const booked = await book(signIn.identityCookie);
    expect(booked.statusCode).toBe(201);
    expect(booked.json()).toMatchObject({ appointment: { startsAt: elevenParis, state: 'booked' }, checkInCode: expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/) });
    expect(booked.json().calendarFile).toContain('BEGIN:VCALENDAR');
    const row = await t.database.db.selectFrom('appointments').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ visitor_name: 'Sam Visitor', visitor_email: 'sam.visitor@example.com', visitor_employee_id: 'E4242', booked_by: 'visitor' });
    expect((await book(signIn.identityCookie, '2026-11-23T10:20:00.000Z')).json().code).toBe('visitor_sign_in_used');
    const second = await book((await signInAsVisitor(t, provider, 'booking')).identityCookie, '2026-11-23T11:00:00.000Z');
    expect(second.json().code).toBe('already_booked');
  });

  it('gives the sign-in back when the slot is taken, so the visitor picks another time', async () => {
    provider.signInAs({ ...visitor, sub: 'other', email: 'other@example.com', employee_number: 'E1' });
    expect((await book((await signInAsVisitor(t, provider, 'booking')).identityCookie)).statusCode).toBe(201);
    provider.signInAs(visitor);
    const signIn = await signInAsVisitor(t, provider, 'booking');
    expect((await book(signIn.identityCookie)).json().code).toBe('slot_unavailable');
    expect((await book(signIn.identityCookie, '2026-11-23T11:00:00.000Z')).statusCode).toBe(201);
  });
});

describe('choosing how visitors identify', () => {
  beforeEach(async () => expect((await setVisitorSettings({ remoteCheckIn: true })).statusCode).toBe(200));

  it('offers the company account alone when the site says sso: the email link is refused', async () => {
    const saved = await setVisitorSettings({ visitorIdentification: 'sso' });
    expect(saved.json()).toMatchObject({ visitorIdentification: 'sso', ssoConfigured: true });
    expect((await t.app.inject({ url: `/api/sites/${demo.site}/remote-check-in` })).json().identification).toEqual({ email: false, sso: true });
    const byEmail = await t.app.inject({ method: 'POST', url: `/api/sites/${demo.site}/remote-check-ins`, payload: { categoryId: demo.hardwareChoice, name: 'Pat', email: 'pat@example.org', language: 'en' } });
    expect(byEmail.statusCode).toBe(409);
    expect(byEmail.json().code).toBe('email_identification_off');
    expect(outbox.sent).toEqual([]);
  });

  it('refuses single sign-on where the site says email, and sends the visitor back to the page', async () => {
    await setVisitorSettings({ visitorIdentification: 'email' });
    expect((await t.app.inject({ url: `/api/sites/${demo.site}/remote-check-in` })).json().identification).toEqual({ email: true, sso: false });
    expect((await signInAsVisitor(t, provider, 'check-in')).location).toBe(`/visitor/?checkin=${demo.site}&sso_error=unavailable`);
  });

  it('is one setting, shown and saved in the appointment settings too; bad values get a 400', async () => {
    await enableAppointments(t, { 'hq-hardware': 1 }, { visitorIdentification: 'sso' });
    expect((await t.as.admin.inject({ url: `/api/admin/sites/${demo.site}/visitor-settings` })).json().visitorIdentification).toBe('sso');
    expect((await t.as.admin.inject({ url: `/api/admin/sites/${demo.site}/appointment-settings` })).json().visitorIdentification).toBe('sso');
    const bad = await setVisitorSettings({ visitorIdentification: 'password' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('visitorIdentification');
  });
});

describe('without a single sign-on provider', () => {
  it('offers the email link only, refuses the sso setting and every visitor sign-in', async () => {
    await t.close();
    t = await createTestApp({ sendMail: outbox.sendMail });
    expect((await setVisitorSettings({ remoteCheckIn: true })).json()).toMatchObject({ visitorIdentification: 'sso_or_email', ssoConfigured: false });
    expect((await t.app.inject({ url: `/api/sites/${demo.site}/remote-check-in` })).json().identification).toEqual({ email: true, sso: false });
    const refused = await setVisitorSettings({ visitorIdentification: 'sso' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('sso_not_configured');
    const start = await t.app.inject({ url: `/api/visitor-sso/start?siteId=${demo.site}&purpose=check-in` });
    expect(start.headers.location).toBe(`/visitor/?checkin=${demo.site}&sso_error=unavailable`);
    expect((await checkIn(undefined)).statusCode).toBe(401);
  });
});
