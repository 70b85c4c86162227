import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestApp, demo, type TestApp } from '../helpers/test-app.ts';
import { bookAs, createOutbox, enableAppointments } from './appointment-helpers.ts';

let t: TestApp;
let outbox: ReturnType<typeof createOutbox>;
beforeEach(async () => {
  outbox = createOutbox();
  t = await createTestApp({ sendMail: outbox.sendMail });
  // Monday 23 November 2026, 10:00 in Paris; 20-minute slots, one appointment each clock hour.
  await enableAppointments(t, { 'hq-hardware': 1 });
});
afterEach(async () => t.close());

const elevenParis = '2026-11-23T10:00:00.000Z';
const elevenTwentyParis = '2026-11-23T10:20:00.000Z';
const noonParis = '2026-11-23T11:00:00.000Z';
const rows = () => t.database.db.selectFrom('appointments').selectAll().orderBy('created_at').execute();
const eventTypes = async () => (await t.database.db.selectFrom('events').select('type').orderBy('seq').execute()).map((e) => e.type);

it('refuses to move a booking into an hour that is full, with a clear 409, and changes nothing', async () => {
  expect((await bookAs(t, elevenParis, { name: 'First', email: 'first@example.com' })).statusCode).toBe(201);
  const second = (await bookAs(t, noonParis, { name: 'Second', email: 'second@example.com' })).json();
  const before = { rows: await rows(), events: await eventTypes() };

  const moved = await t.as.anonymous.inject({ method: 'POST', url: '/api/appointments/by-link/reschedule', payload: { token: second.manageToken, startsAt: elevenTwentyParis } });
  expect(moved.statusCode).toBe(409);
  expect(moved.json()).toMatchObject({ code: 'slot_unavailable' });
  expect(moved.json().message).toMatch(/no longer free.*pick another time/);
  expect({ rows: await rows(), events: await eventTypes() }).toEqual(before);
  // Staff moving it get the same answer.
  const byStaff = await t.as.alex.inject({ method: 'POST', url: `/api/appointments/${second.appointment.id}/reschedule`, payload: { startsAt: elevenTwentyParis } });
  expect(byStaff.statusCode).toBe(409);
  expect(await rows()).toEqual(before.rows);
});

it('gives the last place to one of two people confirming their links at the same moment; the other gets a 409', async () => {
  for (const [name, email] of [['Jean Martin', 'jean@example.com'], ['Lea Petit', 'lea@example.com']]) {
    const request = await t.as.anonymous.inject({
      method: 'POST',
      url: `/api/sites/${demo.site}/appointment-requests`,
      payload: { categoryId: demo.hardwareChoice, startsAt: elevenParis, name, email, language: 'en' },
    });
    expect(request.statusCode).toBe(202);
  }
  const tokens = ['jean@example.com', 'lea@example.com'].map((to) => outbox.tokenFrom(to, 'confirm'));
  const answers = await Promise.all(tokens.map((token) => t.as.anonymous.inject({ method: 'POST', url: '/api/appointments/confirm', payload: { token } })));
  expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
  const loser = answers.find((a) => a.statusCode === 409)!;
  expect(loser.json()).toMatchObject({ code: 'slot_unavailable' });
  expect(loser.json().message).toMatch(/pick another time/);
  const booked = await rows();
  expect(booked).toHaveLength(1);
  expect(booked[0]!.visitor_email).toBe(answers.find((a) => a.statusCode === 201)!.json().appointment.visitor.email);
  expect(await eventTypes()).toEqual(['appointment.booked']);
});

it('keeps the hourly limit when the bookings read missed a place taken meanwhile (PostgreSQL reads each statement afresh)', async () => {
  expect((await bookAs(t, elevenParis, { name: 'First', email: 'first@example.com' })).statusCode).toBe(201);
  // The booking committed between the two reads: its place is held, yet the bookings read did not
  // return it. Moving its times out of the window read (keeping its hour and place) stages exactly that.
  await t.database.db.updateTable('appointments').set({ starts_at: '2026-11-20T10:00:00.000Z', ends_at: '2026-11-20T10:20:00.000Z' }).execute();
  const before = await rows();
  const second = await bookAs(t, elevenTwentyParis, { name: 'Second', email: 'second@example.com' });
  expect(second.statusCode).toBe(409);
  expect(second.json()).toMatchObject({ code: 'slot_unavailable' });
  expect(await rows()).toEqual(before);
});
