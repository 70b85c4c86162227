import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAppointmentJobs } from '../../src/appointments/index.ts';
import { cancelBookingsForClosure } from '../../src/appointments/appointment-jobs.ts';
import { callerOfTechnician, checkIn, createTestApp, demo, seatTechnician, type TestApp } from '../helpers/test-app.ts';
import { bookAs, createOutbox, enableAppointments } from './appointment-helpers.ts';

let t: TestApp;
let outbox: ReturnType<typeof createOutbox>;
beforeEach(async () => {
  outbox = createOutbox();
  t = await createTestApp({ sendMail: outbox.sendMail });
  await enableAppointments(t, { 'hq-hardware': 2 });
});
afterEach(async () => t.close());

// Slots of 20 minutes; the test clock starts Monday 10:00 in Paris (09:00Z).
const slotAt = '2026-11-23T10:20:00.000Z'; // 11:20 Paris
const codeCheckIn = (code: string) => t.as.kiosk.inject({ method: 'POST', url: `/api/sites/${demo.site}/appointments/check-in`, payload: { code } });
const appointmentState = async (id: string) => (await t.database.db.selectFrom('appointments').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;
const jobDeps = () => t.app.walkup.appointments!;

async function callNext(technicianId: string, deskId: string): Promise<string | null> {
  const response = await callerOfTechnician(t.app, technicianId).inject({ method: 'POST', url: `/api/desks/${deskId}/call-next`, payload: { technicianId } });
  return response.statusCode === 204 ? null : response.json().ticketNumber;
}

describe('on the day', () => {
  it('places a booked visitor to be called near the slot, while walk-ins keep their order', async () => {
    const booked = (await bookAs(t, slotAt, { name: 'Marie Dupont', email: 'marie.dupont@example.com' })).json();
    await seatTechnician(t.app, demo.alex, demo.desk1);
    for (const at of ['09:30', '09:45', '10:05', '10:10']) {
      t.clock.set(`2026-11-23T${at}:00.000Z`);
      expect((await checkIn(t.app, demo.hardwareChoice, { kind: 'guest', name: `Walk-in ${at}` })).statusCode).toBe(201);
    }
    // Marie arrives eight minutes before her slot and types her code (case and spaces do not matter).
    t.clock.set('2026-11-23T10:12:00.000Z');
    const arrived = await codeCheckIn(booked.checkInCode.toLowerCase().replace('-', ' '));
    expect(arrived.statusCode).toBe(201);
    expect(arrived.json()).toMatchObject({ appointment: { startsAt: slotAt, kept: true } });
    expect(await appointmentState(booked.appointment.id)).toBe('arrived');
    // She is placed where joining would have her called at her slot (slot less the wait a walk-in is
    // told now), but never more than 30 minutes ahead of her own arrival; then told her own wait.
    const visit = await t.database.db.selectFrom('visits').select(['appointment_id', 'call_order_at', 'appointment_at']).where('id', '=', arrived.json().id).executeTakeFirstOrThrow();
    expect(visit).toMatchObject({ appointment_id: booked.appointment.id, appointment_at: slotAt });
    const placedAt = visit.call_order_at!;
    expect(placedAt >= '2026-11-23T09:42:00.000Z' && placedAt <= slotAt).toBe(true);
    const walkIns = ['09:30', '09:45', '10:05', '10:10'].map((at, i) => ({ at: `2026-11-23T${at}:00.000Z`, ticket: `H-00${i + 1}` }));
    const ahead = walkIns.filter((w) => w.at < placedAt).length;
    expect(arrived.json().position).toBe(ahead + 1);
    expect(ahead).toBeLessThan(4); // ahead of at least the walk-in who came two minutes before her

    const order: string[] = [];
    for (let ticket = await callNext(demo.alex, demo.desk1); ticket; ticket = await callNext(demo.alex, demo.desk1)) {
      order.push(ticket);
      const current = await t.database.db.selectFrom('visits').select('id').where('ticket_number', '=', ticket).executeTakeFirstOrThrow();
      const resolved = await callerOfTechnician(t.app, demo.alex).inject({ method: 'POST', url: `/api/visits/${current.id}/resolve`, payload: { technicianId: demo.alex, note: 'done' } });
      expect(resolved.statusCode).toBe(200);
    }
    const expected = walkIns.map((w) => w.ticket);
    expected.splice(ahead, 0, arrived.json().ticketNumber);
    expect(order).toEqual(expected);
  });

  it('recognises the booked person at the kiosk by email, without the code', async () => {
    const booked = (await bookAs(t, slotAt, { name: 'John Smith', email: 'john.smith@example.com' })).json();
    t.clock.set('2026-11-23T10:15:00.000Z');
    const response = await checkIn(t.app, demo.hardwareChoice, { kind: 'email', email: 'John.Smith@example.com' });
    expect(response.json()).toMatchObject({ appointment: { startsAt: slotAt, kept: true } });
    expect(await appointmentState(booked.appointment.id)).toBe('arrived');
    expect((await codeCheckIn(booked.checkInCode)).json()).toMatchObject({ statusCode: 409, code: 'appointment_not_booked' });
  });

  it('serves someone arriving after the grace as a walk-in, and refuses a code of another day', async () => {
    const booked = (await bookAs(t, slotAt, { name: 'Late Comer', email: 'late@example.com' })).json();
    const tomorrow = (await bookAs(t, '2026-11-24T10:20:00.000Z', { name: 'Tomorrow', email: 'tomorrow@example.com' })).json();
    expect((await codeCheckIn(tomorrow.checkInCode)).json()).toMatchObject({ statusCode: 409, code: 'not_today' });
    t.clock.set('2026-11-23T10:31:00.000Z'); // eleven minutes late, the grace is ten
    const response = await codeCheckIn(booked.checkInCode);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ appointment: { kept: false } });
    expect(await appointmentState(booked.appointment.id)).toBe('late');
    const visit = await t.database.db.selectFrom('visits').select(['call_order_at', 'appointment_at']).where('id', '=', response.json().id).executeTakeFirstOrThrow();
    expect(visit).toEqual({ call_order_at: null, appointment_at: null });
  });

  it('marks a booking nobody came for as a no-show once the grace has passed, once', async () => {
    const booked = (await bookAs(t, slotAt, { name: 'No Show', email: 'noshow@example.com' })).json();
    t.clock.set('2026-11-23T10:29:00.000Z');
    await runAppointmentJobs(jobDeps());
    expect(await appointmentState(booked.appointment.id)).toBe('booked');
    t.clock.set('2026-11-23T10:31:00.000Z');
    await runAppointmentJobs(jobDeps());
    await runAppointmentJobs(jobDeps());
    expect(await appointmentState(booked.appointment.id)).toBe('no_show');
    const events = await t.database.db.selectFrom('events').select('type').where('type', '=', 'appointment.no_show').execute();
    expect(events).toHaveLength(1);
  });

  it('reminds each booked person once, the chosen time before', async () => {
    await bookAs(t, slotAt, { name: 'Marie', email: 'marie@example.com' });
    const before = outbox.sent.length;
    t.clock.set('2026-11-23T09:10:00.000Z'); // 70 minutes before: too early
    await runAppointmentJobs(jobDeps());
    expect(outbox.sent).toHaveLength(before);
    t.clock.set('2026-11-23T09:25:00.000Z');
    await runAppointmentJobs(jobDeps());
    await runAppointmentJobs(jobDeps());
    const reminders = outbox.sent.slice(before);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ to: 'marie@example.com' });
    expect(reminders[0]!.subject).toContain('Reminder');
  });

  it('cancels bookings on a day that becomes a closure, and tells each person', async () => {
    const booked = (await bookAs(t, '2026-11-24T10:20:00.000Z', { name: 'Marie', email: 'marie@example.com' })).json();
    const kept = (await bookAs(t, slotAt, { name: 'John', email: 'john@example.com' })).json();
    expect(await cancelBookingsForClosure(jobDeps(), demo.site, { from: '2026-11-24', to: '2026-11-25' })).toBe(1);
    expect(await appointmentState(booked.appointment.id)).toBe('cancelled');
    expect(await appointmentState(kept.appointment.id)).toBe('booked');
    expect(outbox.sent.at(-1)).toMatchObject({ to: 'marie@example.com' });
    expect(outbox.sent.at(-1)!.text).toContain('closed');
  });
});
