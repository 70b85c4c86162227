import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, demo, type TestApp } from '../helpers/test-app.ts';
import { bookAs, createOutbox, enableAppointments } from './appointment-helpers.ts';

let t: TestApp;
let outbox: ReturnType<typeof createOutbox>;
beforeEach(async () => {
  outbox = createOutbox();
  t = await createTestApp({ sendMail: outbox.sendMail });
  // Monday 23 November 2026, 10:00 in Paris. Laptop repairs take 20 minutes: 20-minute slots.
  await enableAppointments(t, { 'hq-hardware': 1 });
});
afterEach(async () => t.close());

const elevenParis = '2026-11-23T10:00:00.000Z';
const slots = (from: string, to = from) => t.as.anonymous.inject({ url: `/api/sites/${demo.site}/appointment-slots?categoryId=${demo.hardwareChoice}&from=${from}&to=${to}` });
const appointmentRows = () => t.database.db.selectFrom('appointments').selectAll().execute();

describe('booking a slot', () => {
  it('offers the slots of the category length after the cut-off, one place an hour', async () => {
    const response = await slots('2026-11-23');
    expect(response.statusCode).toBe(200);
    const offered = response.json() as Array<{ startsAt: string; free: number }>;
    // Now is 10:00 local with a one-hour cut-off: the first slot is 11:00 local, then every 20 minutes.
    expect(offered.slice(0, 3).map((s) => s.startsAt)).toEqual([elevenParis, '2026-11-23T10:20:00.000Z', '2026-11-23T10:40:00.000Z']);
    expect(offered.every((s) => s.free === 1)).toBe(true);
  });

  it('books on behalf of someone, with a calendar file that parses back to the same time', async () => {
    const response = await bookAs(t, elevenParis, { name: 'Marie Dupont', email: 'Marie.Dupont@example.com' });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.appointment).toMatchObject({ startsAt: elevenParis, endsAt: '2026-11-23T10:20:00.000Z', state: 'booked', queueId: 'hq-hardware' });
    expect(body.checkInCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(body.calendarFile)).getFirstSubcomponent('vevent')!);
    expect(event.startDate.toJSDate().toISOString()).toBe(elevenParis);
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-11-23T10:20:00.000Z');
    expect(event.uid).toBe(`${body.appointment.id}@walkup`);
    expect(event.summary).toContain("Won't start");
    // The confirmation went to the person, with the same calendar file and the manage link.
    const mail = outbox.sent.find((m) => m.to === 'marie.dupont@example.com')!;
    expect(mail.attachments?.[0]?.content).toBe(body.calendarFile);
    expect(mail.text).toContain(body.checkInCode);
    expect(outbox.tokenFrom('marie.dupont@example.com', 'appointment')).toBe(body.manageToken);
    // The hour is now full, and the event log has the booking without personal data.
    expect((await slots('2026-11-23')).json().slice(0, 3).map((s: { free: number }) => s.free)).toEqual([0, 0, 0]);
    const events = await t.database.db.selectFrom('events').select(['type', 'data']).where('type', '=', 'appointment.booked').execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.data).not.toContain('Marie');
  });

  it('gives the last place to one of two people booking it at the same moment; the other gets a 409', async () => {
    const [first, second] = await Promise.all([
      bookAs(t, elevenParis, { name: 'First Person', email: 'first@example.com' }),
      bookAs(t, '2026-11-23T10:20:00.000Z', { name: 'Second Person', email: 'second@example.com' }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([201, 409]);
    const loser = first.statusCode === 409 ? first : second;
    expect(loser.json()).toMatchObject({ code: 'slot_unavailable' });
    expect(loser.json().message).toMatch(/pick another time/);
    expect(await appointmentRows()).toHaveLength(1);
  });

  it('moves and cancels a booking through its link, giving the old place back', async () => {
    const booked = (await bookAs(t, elevenParis, { name: 'Marie Dupont', email: 'marie@example.com' })).json();
    const moved = await t.as.anonymous.inject({ method: 'POST', url: '/api/appointments/by-link/reschedule', payload: { token: booked.manageToken, startsAt: '2026-11-23T11:00:00.000Z' } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ startsAt: '2026-11-23T11:00:00.000Z', state: 'booked' });
    const free = (await slots('2026-11-23')).json() as Array<{ startsAt: string; free: number }>;
    expect(free.find((s) => s.startsAt === elevenParis)?.free).toBe(1);
    expect(free.find((s) => s.startsAt === '2026-11-23T11:00:00.000Z')?.free).toBe(0);
    // Another person can now take 11:00 local.
    expect((await bookAs(t, elevenParis, { name: 'Other', email: 'other@example.com' })).statusCode).toBe(201);

    const cancelled = await t.as.anonymous.inject({ method: 'POST', url: '/api/appointments/by-link/cancel', payload: { token: booked.manageToken } });
    expect(cancelled.json()).toMatchObject({ state: 'cancelled' });
    expect((await slots('2026-11-23')).json().find((s: { startsAt: string }) => s.startsAt === '2026-11-23T11:00:00.000Z').free).toBe(1);
    const again = await t.as.anonymous.inject({ method: 'POST', url: '/api/appointments/by-link/cancel', payload: { token: booked.manageToken } });
    expect(again.statusCode).toBe(409);
    const types = (await t.database.db.selectFrom('events').select('type').orderBy('seq').execute()).map((e) => e.type);
    expect(types).toEqual(['appointment.booked', 'appointment.rescheduled', 'appointment.booked', 'appointment.cancelled']);
  });

  it('books for a visitor without an account once they open the link sent to their email', async () => {
    const request = await t.as.anonymous.inject({
      method: 'POST',
      url: `/api/sites/${demo.site}/appointment-requests`,
      payload: { categoryId: demo.hardwareChoice, startsAt: elevenParis, name: 'Jean Martin', email: 'jean.martin@example.com', language: 'fr' },
    });
    expect(request.statusCode).toBe(202);
    expect(await appointmentRows()).toHaveLength(0);
    expect(outbox.sent[0]!.subject).toContain('Confirmez');
    const token = outbox.tokenFrom('jean.martin@example.com', 'confirm');
    const confirmed = await t.as.anonymous.inject({ method: 'POST', url: '/api/appointments/confirm', payload: { token } });
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json().appointment).toMatchObject({ startsAt: elevenParis, visitor: { name: 'Jean Martin', email: 'jean.martin@example.com' } });
    const reused = await t.as.anonymous.inject({ method: 'POST', url: '/api/appointments/confirm', payload: { token } });
    expect(reused.statusCode).toBe(409);
    expect(await appointmentRows()).toHaveLength(1);
    const view = await t.as.anonymous.inject({ url: `/api/appointments/by-link?token=${confirmed.json().manageToken}` });
    expect(view.json()).toMatchObject({ id: confirmed.json().appointment.id, state: 'booked' });
    const calendar = await t.as.anonymous.inject({ url: `/api/appointments/by-link/calendar?token=${confirmed.json().manageToken}` });
    expect(calendar.headers['content-type']).toContain('text/calendar');
    expect(calendar.body).toContain('BEGIN:VEVENT');
  });

  it.each([
    [{ categoryId: demo.hardwareChoice, startsAt: '2026-11-23T10:05:00.000Z' }, 409, 'slot_unavailable'],
    [{ categoryId: demo.hardwareChoice, startsAt: '2026-11-23T09:20:00.000Z' }, 409, 'slot_unavailable'],
    [{ categoryId: demo.softwareChoice, startsAt: elevenParis }, 409, 'appointments_off'],
    [{ categoryId: 'laptop', startsAt: elevenParis }, 400, 'category_not_leaf'],
    [{ categoryId: 'nope', startsAt: elevenParis }, 404, 'category_not_found'],
    [{ categoryId: demo.hardwareChoice, startsAt: 'tomorrow' }, 400, 'invalid_request'],
  ])('refuses %j with %i (%s) and books nothing', async (payload, status, code) => {
    const response = await bookAs(t, payload.startsAt, { name: 'Marie', email: 'marie@example.com' }, payload.categoryId);
    expect(response.statusCode).toBe(status);
    expect(response.json().code).toBe(code);
    expect(await appointmentRows()).toHaveLength(0);
  });

  it('refuses bad slot queries with words', async () => {
    expect((await slots('2026-02-30')).json().message).toContain('real date');
    expect((await slots('2026-11-30', '2026-11-23')).json().message).toContain('before');
    expect((await slots('2026-11-23', '2027-11-23')).statusCode).toBe(400);
  });

  it('lets nobody but staff book on behalf of someone, and only admins set the rules', async () => {
    const payload = { categoryId: demo.hardwareChoice, startsAt: elevenParis, person: { name: 'X', email: 'x@example.com' }, language: 'en' };
    expect((await t.as.kiosk.inject({ method: 'POST', url: `/api/sites/${demo.site}/appointments`, payload })).statusCode).toBe(403);
    expect((await t.as.anonymous.inject({ method: 'POST', url: `/api/sites/${demo.site}/appointments`, payload })).statusCode).toBe(401);
    expect((await t.as.alex.inject({ method: 'PUT', url: `/api/admin/sites/${demo.site}/appointment-settings`, payload: {} })).statusCode).toBe(403);
  });
});

describe('privacy of bookings', () => {
  it('exports a person’s bookings and erases their name and email on request, keeping the booking', async () => {
    const booked = (await bookAs(t, elevenParis, { name: 'Marie Dupont', email: 'marie.dupont@example.com' })).json();
    const exported = await t.as.admin.inject({ method: 'POST', url: '/api/admin/privacy/export', payload: { email: 'Marie.Dupont@example.com' } });
    expect(exported.json().appointments).toMatchObject([{ id: booked.appointment.id, visitor_name: 'Marie Dupont' }]);
    const erased = await t.as.admin.inject({ method: 'POST', url: '/api/admin/privacy/erase', payload: { email: 'marie.dupont@example.com' } });
    expect(erased.statusCode).toBe(200);
    const [row] = await appointmentRows();
    expect(row).toMatchObject({ id: booked.appointment.id, visitor_name: null, visitor_email: null, starts_at: elevenParis, state: 'booked' });
  });
});
