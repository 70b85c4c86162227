import type SQLite from 'better-sqlite3';
import { seededRandom } from './generate-buckets.ts';

/**
 * Visits of the demo site as the log records them (checked in, called, started, resolved; some
 * no-shows and cancellations), bulk-inserted with the visit rows the reader reads estimates from.
 */
export function generateEvents(sqlite: SQLite.Database, eventTarget: number): { events: number; visits: number } {
  const random = seededRandom(7);
  const insertEvent = sqlite.prepare('insert into events (site_id, seq, type, visit_id, at, data) values (?, ?, ?, ?, ?, ?)');
  const insertVisit = sqlite.prepare(
    `insert into visits (id, site_id, queue_id, category_id, ticket_number, service_day, priority, state, visitor_kind, checked_in_at, call_count, estimate_at_join_seconds, itsm_state) values (?, 'hq', ?, ?, ?, ?, 0, 'resolved', 'guest', ?, 1, ?, 'synced')`,
  );
  const choices = [['hq-hardware', 'laptop-no-boot'], ['hq-access', 'access-password'], ['hq-software', 'software-install']] as const;
  const technicians = ['tech-alex', 'tech-sam'];
  let seq = 0;
  let visits = 0;
  let clock = Date.parse('2025-01-06T07:00:00Z');
  sqlite.transaction(() => {
    while (seq < eventTarget) {
      clock += Math.floor(random() * 240_000);
      const id = `v${visits++}`;
      const [queueId, categoryId] = choices[visits % choices.length]!;
      const at = (offset: number) => new Date(clock + offset * 1000).toISOString();
      const technicianId = technicians[visits % 2]!;
      const wait = Math.floor(random() * 1500);
      insertVisit.run(id, queueId, categoryId, `X-${visits}`, at(0).slice(0, 10), at(0), Math.floor(wait * (0.7 + random() * 0.6)));
      const append = (type: string, offset: number, data: object) => insertEvent.run('hq', ++seq, type, id, at(offset), JSON.stringify(data));
      append('visit.checked_in', 0, { queueId, categoryId, ticketNumber: `X-${visits}`, priority: 0, checkedInAt: at(0), visitor: { kind: 'guest' }, note: null });
      if (random() < 0.05) {
        append('visit.cancelled', wait, { reason: null });
        continue;
      }
      append('visit.called', wait, { deskId: 'hq-desk-1', technicianId, outOfOrder: false });
      if (random() < 0.08) {
        append('visit.no_show', wait + 180, { technicianId });
        continue;
      }
      append('visit.started', wait + 60, { deskId: 'hq-desk-1', technicianId });
      append('visit.resolved', wait + 60 + Math.floor(180 + random() * 1200), { note: '', technicianId });
    }
  })();
  sqlite.prepare("update sites set event_seq = ? where id = 'hq'").run(seq);
  return { events: seq, visits };
}
