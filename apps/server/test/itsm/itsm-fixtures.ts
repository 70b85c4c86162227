import { randomUUID } from 'node:crypto';
import type { SiteEventMap, SiteEventType } from '@walkup/domain';
import type { Db } from '../../src/db/connection.ts';
import { createEventBus, type CommittedEvent } from '../../src/live/event-bus.ts';
import { appendEvent } from '../../src/queries/events.ts';
import { createClock } from '../helpers/test-app.ts';
import { createTestDatabase } from '../helpers/test-database.ts';

/**
 * Worker-level fixture on a real migrated SQLite file with the demo site. Visits and their events
 * are written directly, the way the use cases do (state change + event in one transaction), so
 * these tests only depend on the log's contract.
 */
export async function createItsmFixture() {
  const database = await createTestDatabase();
  const db = database.db;
  const bus = createEventBus();
  const clock = createClock();
  const published: CommittedEvent[] = [];
  bus.subscribe((events) => published.push(...events));
  let counter = 0;

  async function append<K extends SiteEventType>(visitId: string, type: K, data: SiteEventMap[K], change?: (trx: Db) => Promise<void>) {
    const event = await db.transaction().execute(async (trx) => {
      await change?.(trx);
      return appendEvent(trx, { siteId: 'hq', type, visitId, at: clock.now().toISOString(), data });
    });
    bus.publish([event]);
    return event;
  }

  return {
    db,
    bus,
    clock,
    published,
    file: database.file,
    close: () => database.close(),
    /** A visitor checks in for "Laptop > Won't start" (hardware queue). */
    async checkIn(overrides: { email?: string | null; name?: string; priority?: number; note?: string | null } = {}) {
      const id = randomUUID();
      const ticketNumber = `H-${String(++counter).padStart(3, '0')}`;
      const at = clock.now().toISOString();
      const email = overrides.email === undefined ? `visitor${counter}@example.com` : overrides.email;
      await append(
        id,
        'visit.checked_in',
        {
          queueId: 'hq-hardware',
          categoryId: 'laptop-no-boot',
          ticketNumber,
          priority: overrides.priority ?? 0,
          checkedInAt: at,
          visitor: { kind: email ? 'email' : 'guest', email: email ?? undefined, name: overrides.name ?? `Visitor ${counter}` },
          note: overrides.note ?? null,
        },
        async (trx) => {
          await trx
            .insertInto('visits')
            .values({
              id, site_id: 'hq', queue_id: 'hq-hardware', category_id: 'laptop-no-boot', ticket_number: ticketNumber, service_day: `day-${Math.floor(counter / 900)}`,
              priority: overrides.priority ?? 0, state: 'waiting', visitor_kind: email ? 'email' : 'guest', visitor_name: overrides.name ?? `Visitor ${counter}`,
              visitor_email: email, visitor_employee_id: null, visitor_badge_id: null, note: overrides.note ?? null, checked_in_at: at,
              called_at: null, started_at: null, ended_at: null, desk_id: null, technician_id: null, call_count: 0,
              estimate_at_join_seconds: null, estimate_at_join_low: null, estimate_at_join_high: null,
              itsm_state: 'pending', itsm_remote_id: null, itsm_ticket_number: null, itsm_ticket_url: null, itsm_error: null,
            })
            .execute();
        },
      );
      return { id, ticketNumber };
    },
    call: (visitId: string) => append(visitId, 'visit.called', { deskId: 'hq-desk-1', technicianId: 'tech-alex', outOfOrder: false }),
    start: (visitId: string) => append(visitId, 'visit.started', { deskId: 'hq-desk-1', technicianId: 'tech-alex' }),
    resolve: (visitId: string, note = 'Fixed') => append(visitId, 'visit.resolved', { note, technicianId: 'tech-alex' }),
    escalate: (visitId: string, group = 'Network L3') => append(visitId, 'visit.escalated', { group, note: null, technicianId: 'tech-alex' }),
    noShow: (visitId: string) => append(visitId, 'visit.no_show', { technicianId: 'tech-alex' }),
    async visit(visitId: string) {
      return db.selectFrom('visits').select(['itsm_state', 'itsm_remote_id', 'itsm_ticket_number', 'itsm_ticket_url', 'itsm_error']).where('id', '=', visitId).executeTakeFirstOrThrow();
    },
    syncEvents(visitId: string) {
      return published.filter((e) => e.type === 'visit.itsm_synced' && e.visitId === visitId).map((e) => e.data as SiteEventMap['visit.itsm_synced']);
    },
  };
}

export type ItsmFixture = Awaited<ReturnType<typeof createItsmFixture>>;
