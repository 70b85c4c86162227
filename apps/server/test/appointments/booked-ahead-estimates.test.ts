import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { checkIn, createTestApp, demo, seatTechnician, type TestApp } from '../helpers/test-app.ts';
import { bookAs, createOutbox, enableAppointments } from './appointment-helpers.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ sendMail: createOutbox().sendMail });
  // Bookable up to the minute, so the coming hour can hold bookings; 20-minute laptop slots.
  await enableAppointments(t, { 'hq-hardware': 2 }, { cutoffMinutes: 0 });
  await seatTechnician(t.app, demo.alex, demo.desk1);
  for (let i = 0; i < 2; i++) expect((await checkIn(t.app, demo.hardwareChoice, { kind: 'guest', name: `Walk-in ${i}` })).statusCode).toBe(201);
  t.clock.set('2026-11-23T09:01:00.000Z'); // a newcomer comes after them
});
afterEach(async () => t.close());

/** What a walk-in joining the hardware queue now would be told (optionally as the person of a booking). */
async function joiningWait(appointmentId: string | null = null): Promise<number> {
  const view = await t.app.walkup.views.view(demo.site);
  const newcomer = { id: randomUUID(), queueId: 'hq-hardware', categoryId: demo.hardwareChoice, priority: 0, checkedInAt: t.clock.now().toISOString(), callOrderAt: null, appointmentId };
  return (await t.app.walkup.estimates.forNewcomer(view, newcomer))!.expectedSeconds;
}

it('counts the bookings of the coming hour nobody has arrived for in the wait a walk-in is told', async () => {
  const without = await joiningWait();
  // The test clock is 10:00 in Paris (09:00Z): two bookings at 10:20 and 10:40, one past the hour.
  const first = (await bookAs(t, '2026-11-23T09:20:00.000Z', { name: 'Booked One', email: 'one@example.com' })).json();
  await bookAs(t, '2026-11-23T09:40:00.000Z', { name: 'Booked Two', email: 'two@example.com' });
  await bookAs(t, '2026-11-23T10:20:00.000Z', { name: 'Booked Later', email: 'later@example.com' });
  const withBookings = await joiningWait();
  // Alex alone serves laptops: the two bookings take his time near their starts, about 40 minutes.
  expect(withBookings - without).toBeGreaterThan(15 * 60);
  // The person arriving for the first booking does not wait behind their own booking.
  const arriving = await joiningWait(first.appointment.id);
  expect(arriving).toBeLessThan(withBookings - 5 * 60);
  expect(arriving).toBeGreaterThan(without);
});
