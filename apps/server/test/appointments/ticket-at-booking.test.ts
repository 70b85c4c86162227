import { createAdapter } from '@walkup/itsm';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServiceNowMock, type ServiceNowMock } from '../../../../tests/msw/servicenow.ts';
import { runAppointmentJobs } from '../../src/appointments/index.ts';
import { createItsmDelivery } from '../../src/itsm/index.ts';
import { buildBookingTicketDraft } from '../../src/itsm/ticket-builder.ts';
import { createTestApp, demo, type TestApp } from '../helpers/test-app.ts';
import { bookAs, createOutbox, enableAppointments } from './appointment-helpers.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let t: TestApp;
let mock: ServiceNowMock;
afterEach(async () => t.close());

// The test clock starts Monday 23 November 2026, 10:00 in Paris (09:00Z); slots last 20 minutes.
const slotAt = '2026-11-23T10:20:00.000Z';
const laterSlot = '2026-11-23T11:00:00.000Z';

async function start(itsmTicketAt: 'booking' | 'arrival') {
  mock = createServiceNowMock();
  server.use(...mock.handlers);
  const adapter = createAdapter({ vendor: 'servicenow', instanceUrl: mock.base, auth: { kind: 'basic', username: mock.creds.username, password: mock.creds.password } });
  t = await createTestApp({ itsmAdapterFor: () => adapter, sendMail: createOutbox().sendMail });
  await enableAppointments(t, { 'hq-hardware': 2 }, { itsmTicketAt });
  return adapter;
}

const book = async () => (await bookAs(t, slotAt, { name: 'Abel Tuter', email: 'abel.tuter@example.com' })).json();
const arrive = async (code: string, at = '2026-11-23T10:12:00.000Z') => {
  t.clock.set(at);
  const response = await t.as.kiosk.inject({ method: 'POST', url: `/api/sites/${demo.site}/appointments/check-in`, payload: { code } });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; ticketNumber: string };
};
const reservedVisitId = async (appointmentId: string) =>
  (await t.database.db.selectFrom('appointment_tickets' as any).select('visit_id').where('appointment_id', '=', appointmentId).executeTakeFirstOrThrow()).visit_id as string;
const visitItsm = (id: string) => t.database.db.selectFrom('visits').select(['itsm_state', 'itsm_ticket_number']).where('id', '=', id).executeTakeFirstOrThrow();
const creates = () => mock.calls.filter((c) => c.method === 'POST').length;

describe('ITSM ticket at booking', () => {
  it('creates the ticket when the booking is confirmed, moves it on a reschedule, and the arrival reuses it', async () => {
    await start('booking');
    const booked = await book();
    await t.app.walkup.itsm.drain();
    const visitId = await reservedVisitId(booked.appointment.id);
    const [incident, ...others] = mock.byCorrelation(visitId);
    expect(others).toHaveLength(0);
    expect(incident!.fields).toMatchObject({ short_description: "Laptop / Won't start (walk-up appointment)", caller_id: '62826bf03710200044e0bfc8bcbe5df1' });
    expect(String(incident!.fields.description)).toContain(`booked for ${slotAt}`);

    const moved = await t.as.alex.inject({ method: 'POST', url: `/api/appointments/${booked.appointment.id}/reschedule`, payload: { startsAt: laterSlot } });
    expect(moved.statusCode).toBe(200);
    await t.app.walkup.itsm.drain();
    expect(incident!.workNotes).toEqual([`Appointment moved to ${laterSlot}.`]);

    const visit = await arrive(booked.checkInCode);
    // The visit took the reserved id, so the ticket's correlation id is the visit's, and it shows at once.
    expect(visit.id).toBe(visitId);
    expect((await visitItsm(visit.id)).itsm_ticket_number).toBe(incident!.number);
    await t.app.walkup.itsm.drain();
    expect(mock.records.size).toBe(1);
    expect(creates()).toBe(1);
    expect(await visitItsm(visit.id)).toEqual({ itsm_state: 'synced', itsm_ticket_number: incident!.number });
  });

  it('creates exactly once when the answer to the booking create was lost and the worker restarted before the arrival', async () => {
    const adapter = await start('booking');
    const booked = await book();
    // The set-up check and the caller lookup answer; the create is made but its answer never arrives.
    mock.faults.next({ kind: 'pass' }, { kind: 'pass' }, { kind: 'lose-response' });
    await t.app.walkup.itsm.drain();
    expect(mock.records.size).toBe(1); // made by ServiceNow, unknown to walkup
    await t.app.walkup.itsm.stop();

    // Early, while the booking's own retry is not due yet: the visit's delivery must find the ticket itself.
    const visit = await arrive(booked.checkInCode, t.clock.now().toISOString());
    const restarted = createItsmDelivery({ db: t.database.db, bus: t.app.walkup.bus, adapterFor: () => adapter, now: t.clock.now });
    await restarted.drain();
    await restarted.stop();
    expect(mock.records.size).toBe(1);
    expect(creates()).toBe(1);
    const [incident] = mock.byCorrelation(visit.id);
    expect(await visitItsm(visit.id)).toEqual({ itsm_state: 'synced', itsm_ticket_number: incident!.number });
  });

  it('a create still landing when the restarted worker looks is waited for and adopted, never made twice', async () => {
    const adapter = await start('booking');
    const booked = await book();
    const visitId = await reservedVisitId(booked.appointment.id);
    // A process sent the create (the durable mark is taken before sending) and was killed; the ITSM is still making the ticket.
    await t.database.db
      .updateTable('appointment_tickets' as any)
      .set({ create_sent_at: t.clock.now().toISOString() })
      .where('appointment_id', '=', booked.appointment.id)
      .execute();
    await t.app.walkup.itsm.drain();
    expect(mock.byCorrelation(visitId)).toHaveLength(0);
    expect(creates()).toBe(0);

    // The dead process's create lands; once its outcome is surely known the booking adopts that ticket.
    await adapter.createTicket(await buildBookingTicketDraft(t.database.db, booked.appointment.id, visitId));
    t.clock.advance(121);
    await t.app.walkup.itsm.drain();
    const [incident, ...others] = mock.byCorrelation(visitId);
    expect(others).toHaveLength(0);
    const row = await t.database.db.selectFrom('appointment_tickets' as any).select(['ticket_number', 'create_sent_at']).where('appointment_id', '=', booked.appointment.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ ticket_number: incident!.number, create_sent_at: null });
    expect(creates()).toBe(1);
  });

  it('closes the ticket when the booking is cancelled, and a cancel before any ticket creates none', async () => {
    await start('booking');
    const booked = await book();
    await t.app.walkup.itsm.drain();
    const cancelled = await t.as.alex.inject({ method: 'POST', url: `/api/appointments/${booked.appointment.id}/cancel` });
    expect(cancelled.statusCode).toBe(200);
    await t.app.walkup.itsm.drain();
    const [incident] = mock.byCorrelation(await reservedVisitId(booked.appointment.id));
    expect(incident!.fields.state).toBe('8');
    expect(incident!.workNotes).toEqual(['Visit cancelled: the appointment was cancelled']);

    // ServiceNow down while the next booking is made and cancelled: nothing is ever created for it.
    mock.faults.always({ kind: 'status', status: 503 });
    const second = (await bookAs(t, laterSlot, { name: 'Fred Luddy', email: 'fred.luddy@example.com' })).json();
    await t.app.walkup.itsm.drain();
    expect((await t.as.alex.inject({ method: 'POST', url: `/api/appointments/${second.appointment.id}/cancel` })).statusCode).toBe(200);
    mock.faults.clear();
    t.clock.set('2026-11-23T09:30:00.000Z');
    await t.app.walkup.itsm.drain();
    expect(mock.byCorrelation(await reservedVisitId(second.appointment.id))).toHaveLength(0);
    expect(mock.records.size).toBe(1);
  });

  it('records a no-show on the ticket once the grace has passed', async () => {
    await start('booking');
    const booked = await book();
    await t.app.walkup.itsm.drain();
    t.clock.set('2026-11-23T10:31:00.000Z'); // the slot plus the ten-minute grace
    await runAppointmentJobs(t.app.walkup.appointments!);
    await t.app.walkup.itsm.drain();
    const [incident, ...others] = mock.byCorrelation(await reservedVisitId(booked.appointment.id));
    expect(others).toHaveLength(0);
    expect(incident!.workNotes).toEqual(['The visitor did not show up when called.']);
  });

  it('at arrival (the default) creates nothing at booking and one ticket for the visit', async () => {
    await start('arrival');
    const settings = await t.as.admin.inject({ url: `/api/admin/sites/${demo.site}/appointment-settings` });
    expect(settings.json().itsmTicketAt).toBe('arrival');
    const booked = await book();
    await t.app.walkup.itsm.drain();
    expect(mock.records.size).toBe(0);
    const visit = await arrive(booked.checkInCode);
    await t.app.walkup.itsm.drain();
    expect(mock.byCorrelation(visit.id)).toHaveLength(1);
    expect(mock.records.size).toBe(1);
  });

  it('refuses an unknown setting, naming the field, and changes nothing', async () => {
    await start('booking');
    const refused = await t.as.admin.inject({
      method: 'PUT',
      url: `/api/admin/sites/${demo.site}/appointment-settings`,
      payload: { enabled: true, bookAheadDays: 14, cutoffMinutes: 60, lateGraceMinutes: 10, maxAdvanceMinutes: 30, reminderMinutes: 60, perHour: {}, itsmTicketAt: 'never' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('itsmTicketAt');
    expect((await t.as.admin.inject({ url: `/api/admin/sites/${demo.site}/appointment-settings` })).json().itsmTicketAt).toBe('booking');
  });
});
