import { createAdapter, type ItsmAdapter } from '@walkup/itsm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bookAs, createOutbox, enableAppointments } from '../../apps/server/test/appointments/appointment-helpers.ts';
import { createTestApp, demo, type TestApp } from '../../apps/server/test/helpers/test-app.ts';
import { createItsmDelivery } from '../../apps/server/src/itsm/index.ts';
import { withItsmTables } from '../../apps/server/src/itsm/itsm-schema.ts';
import { describeWithRt, startRt, type RtServer } from './rt-server.ts';

/**
 * Tickets made at booking (`itsmTicketAt: 'booking'`) in a real Request Tracker 5: one per confirmed
 * booking, a comment on a reschedule, closed on a cancel, adopted by the visit at arrival, and one
 * ticket still when the process dies between RT's create and walkup's record of it.
 */
describeWithRt('booking tickets in a real Request Tracker 5', () => {
  let rt: RtServer;
  let t: TestApp;
  let adapter: ItsmAdapter;

  // The test clock starts Monday 23 November 2026, 10:00 in Paris (09:00Z); slots last 20 minutes.
  const slots = { first: '2026-11-23T10:20:00.000Z', moved: '2026-11-23T11:40:00.000Z', cancelled: '2026-11-23T12:00:00.000Z', crash: '2026-11-23T12:20:00.000Z' };

  beforeAll(async () => {
    rt = await startRt();
    adapter = createAdapter({ vendor: 'rt', url: rt.url, token: rt.token, queue: 'Walk-up', timeoutMs: 15_000 });
    t = await createTestApp({ itsmAdapterFor: () => adapter, sendMail: createOutbox().sendMail });
    await enableAppointments(t, { 'hq-hardware': 4 }, { itsmTicketAt: 'booking' });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await rt?.stop();
  });

  const bookingTicket = (appointmentId: string) => withItsmTables(t.database.db).selectFrom('appointment_tickets').selectAll().where('appointment_id', '=', appointmentId).executeTakeFirstOrThrow();
  /** Drains until the booking's ticket is recorded and the ITSM has heard everything (RT is slow on a loaded machine). */
  const drainUntilTold = async (appointmentId: string) => {
    await expect
      .poll(async () => (await t.app.walkup.itsm.drain(), await bookingTicket(appointmentId)), { timeout: 100_000, interval: 250 })
      .toMatchObject({ remote_id: expect.any(String), due_at: null, create_sent_at: null });
    return bookingTicket(appointmentId);
  };
  const ticketsOf = async (visitId: string) => (await rt.get(`tickets?query=${encodeURIComponent(`CF.{KioskVisitId} = '${visitId}'`)}`)).items as Array<{ id: string }>;
  /** The text of the ticket's comments, read from RT's own history. */
  const commentsOf = async (ticketId: string) => {
    const comments: string[] = [];
    for (const item of (await rt.get(`ticket/${ticketId}/history?per_page=100`)).items as Array<{ id: string }>) {
      const transaction = await rt.get(`transaction/${item.id}`);
      if (transaction.Type !== 'Comment') continue;
      for (const attachment of (await rt.get(`transaction/${item.id}/attachments`)).items as Array<{ id: string }>) {
        const content = (await rt.get(`attachment/${attachment.id}`)).Content as string | undefined;
        if (content) comments.push(Buffer.from(content, 'base64').toString('utf8'));
      }
    }
    return comments;
  };
  const book = async (startsAt: string, name: string, email: string) => {
    const response = await bookAs(t, startsAt, { name, email });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { appointment: { id: string }; checkInCode: string };
  };

  let first: { appointment: { id: string }; checkInCode: string };
  let firstTicketId: string;

  it('a confirmed booking creates exactly one RT ticket, correlated by the id the visit will take', async () => {
    first = await book(slots.first, 'Marie Dupont', 'marie.dupont@example.com');
    const row = await drainUntilTold(first.appointment.id);
    const [found, ...extra] = await ticketsOf(row.visit_id);
    expect(extra).toHaveLength(0);
    firstTicketId = String(found!.id);
    expect(row.remote_id).toBe(firstTicketId);
    const ticket = await rt.get(`ticket/${firstTicketId}`);
    expect(ticket.Subject).toContain('appointment');
    expect(ticket.Requestor.map((r: { id: string }) => r.id)).toEqual(['marie.dupont@example.com']);
    expect((await rt.get(`queue/${ticket.Queue.id}`)).Name).toBe('Walk-up');
  }, 120_000);

  it('a reschedule adds a comment to that ticket, and no second ticket', async () => {
    const moved = await t.as.alex.inject({ method: 'POST', url: `/api/appointments/${first.appointment.id}/reschedule`, payload: { startsAt: slots.moved } });
    expect(moved.statusCode, moved.body).toBe(200);
    const row = await drainUntilTold(first.appointment.id);
    expect(row.told).toBe(`booked@${slots.moved}`);
    expect(await commentsOf(firstTicketId)).toEqual([expect.stringContaining(`Appointment moved to ${slots.moved}`)]);
    expect(await ticketsOf(row.visit_id)).toHaveLength(1);
  }, 120_000);

  it('a cancel closes the ticket (rejected, an inactive status in RT)', async () => {
    const booked = await book(slots.cancelled, 'Fred Luddy', 'fred.luddy@example.com');
    const made = await drainUntilTold(booked.appointment.id);
    const cancelled = await t.as.alex.inject({ method: 'POST', url: `/api/appointments/${booked.appointment.id}/cancel` });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const row = await drainUntilTold(booked.appointment.id);
    expect(row.told).toBe(`cancelled@${slots.cancelled}`);
    const tickets = await ticketsOf(made.visit_id);
    expect(tickets).toHaveLength(1);
    expect((await rt.get(`ticket/${tickets[0]!.id}`)).Status).toBe('rejected');
  }, 120_000);

  it('killed between RT creating the ticket and walkup recording it: the next process adopts it, still one ticket', async () => {
    // The first process's create reaches RT, then the process dies before the answer is recorded.
    const dying: ItsmAdapter = {
      ...adapter,
      async createTicket(draft) {
        await adapter.createTicket(draft);
        return new Promise(() => {});
      },
    };
    const doomed = createItsmDelivery({ db: t.database.db, bus: t.app.walkup.bus, adapterFor: () => dying, now: t.clock.now });
    const booked = await book(slots.crash, 'Ada Lovelace', 'ada.lovelace@example.com');
    const { visit_id: visitId } = await bookingTicket(booked.appointment.id);
    void doomed.drain();
    await expect.poll(async () => (await ticketsOf(visitId)).length, { timeout: 100_000, interval: 500 }).toBe(1);
    expect((await bookingTicket(booked.appointment.id)).remote_id).toBeNull();

    // The restarted process (the app's own worker) finds the booking still due and looks the ticket up.
    const row = await drainUntilTold(booked.appointment.id);
    const tickets = await ticketsOf(visitId);
    expect(tickets).toHaveLength(1);
    expect(row.remote_id).toBe(String(tickets[0]!.id));
  }, 180_000);

  it('the arrival adopts the booking’s ticket: the visit shows it, RT gets no second one', async () => {
    t.clock.set('2026-11-23T11:32:00.000Z');
    const arrived = await t.as.kiosk.inject({ method: 'POST', url: `/api/sites/${demo.site}/appointments/check-in`, payload: { code: first.checkInCode } });
    expect(arrived.statusCode, arrived.body).toBe(201);
    const visit = arrived.json() as { id: string };
    const { visit_id: reserved } = await bookingTicket(first.appointment.id);
    expect(visit.id).toBe(reserved);
    const itsmOf = () => t.database.db.selectFrom('visits').select(['itsm_state', 'itsm_ticket_number']).where('id', '=', visit.id).executeTakeFirstOrThrow();
    await expect.poll(async () => (await t.app.walkup.itsm.drain(), await itsmOf()), { timeout: 100_000, interval: 250 }).toEqual({ itsm_state: 'synced', itsm_ticket_number: firstTicketId });
    expect(await ticketsOf(visit.id)).toHaveLength(1);
    const all = await rt.get(`tickets?query=${encodeURIComponent("Queue = 'Walk-up'")}`);
    expect(all.total).toBe(3);
  }, 120_000);
});
