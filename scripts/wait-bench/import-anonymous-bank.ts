import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { CallPolicy, SiteEvent, SiteEventMap, SiteEventType } from '@walkup/domain';


/**
 * Converts the Anonymous Bank call log (see ../shared/data/README.md) into walkup events: request
 * types are queues (and categories), agents are technicians, calls are visits.
 *
 * - A call that queued checks in at q_start and is called at q_exit; one that hung up is cancelled there.
 * - A call routed straight to an idle agent checks in and is called in the same second: it occupies a
 *   desk but never queued, so the benchmark does not score it (as in the README's reference figures).
 * - High priority (2) gives a 90 s head start in the bank's queue order, not strict precedence: it is
 *   imported as walkup priority 1 with the real check-in time, and the bank's call policy
 *   (`anonymousBankCallPolicy`) says what priority buys. Keeping the priority visible (rather than
 *   moving checkedInAt earlier) lets the estimator learn how often such callers arrive and pass others.
 * - There is no roster: an agent is on duty from the first call of a stretch of activity to the end
 *   of its last one, stretches split on idle gaps over 30 minutes.
 * - PHANTOM rows and the five-second NO_SERVER pseudo-services are dropped.
 * Times are the bank's local clock written as UTC.
 */
export const anonymousBankCallPolicy: CallPolicy = { priorityHeadStartSeconds: 90 };
const dutyGapMs = 30 * 60_000;
const siteId = 'anonymous-bank';

type Draft = { [K in SiteEventType]: { type: K; visitId: string | null; atMs: number; order: number; data: SiteEventMap[K] } }[SiteEventType];

function clock(date: string, hms: string): number {
  const [h, m, s] = hms.split(':').map(Number);
  const day = Date.UTC(1900 + Number(date.slice(0, 2)) + (Number(date.slice(0, 2)) < 50 ? 100 : 0), Number(date.slice(2, 4)) - 1, Number(date.slice(4, 6)));
  return day + ((h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0)) * 1000;
}

/** An exit earlier than its start crossed midnight. */
function after(startMs: number, date: string, hms: string): number {
  const end = clock(date, hms);
  return end < startMs ? end + 86_400_000 : end;
}

export function importAnonymousBank(text: string): SiteEvent[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0]!.split('\t').map((h) => h.trim());
  const col = (name: string) => header.indexOf(name);
  const drafts: Draft[] = [];
  const services = new Map<string, Array<[number, number]>>();
  for (const line of lines.slice(1)) {
    const f = line.split('\t').map((x) => x.trim());
    const get = (name: string) => f[col(name)] ?? '';
    const outcome = get('outcome');
    const server = get('server');
    if (outcome === 'PHANTOM') continue;
    const id = `${get('vru+line')}-${get('call_id')}`;
    const date = get('date');
    const queueId = get('type');
    const priority = Number(get('priority'));
    const queued = get('q_start') !== '0:00:00';
    const served = outcome === 'AGENT' && server !== 'NO_SERVER';
    if (!queued && !served) continue;
    const joinMs = queued ? clock(date, get('q_start')) : clock(date, get('ser_start'));
    const checkedInAt = new Date(joinMs).toISOString();
    drafts.push({ type: 'visit.checked_in', visitId: id, atMs: joinMs, order: 2, data: {
      queueId, categoryId: queueId, ticketNumber: id, priority: priority === 2 ? 1 : 0, checkedInAt, visitor: { kind: 'guest' }, note: null,
    } });
    if (!served) {
      const leftMs = after(joinMs, date, get('q_exit'));
      // A visit's own events keep their order when they share a second with each other.
      drafts.push({ type: 'visit.cancelled', visitId: id, atMs: leftMs, order: leftMs === joinMs ? 2.5 : 1, data: { reason: 'hung up' } });
      continue;
    }
    const calledMs = queued ? after(joinMs, date, get('q_exit')) : joinMs;
    const startMs = Math.max(calledMs, after(joinMs - 5000, date, get('ser_start')));
    const endMs = Math.max(startMs, after(startMs, date, get('ser_exit')));
    const desk = { deskId: `desk-${server}`, technicianId: server };
    drafts.push({ type: 'visit.called', visitId: id, atMs: calledMs, order: 3, data: { ...desk, outOfOrder: false } });
    drafts.push({ type: 'visit.started', visitId: id, atMs: startMs, order: 4, data: desk });
    drafts.push({ type: 'visit.resolved', visitId: id, atMs: endMs, order: endMs === startMs ? 4.5 : 1, data: { note: '', technicianId: server } });
    const list = services.get(server) ?? [];
    list.push([calledMs, endMs]);
    services.set(server, list);
  }
  for (const [technicianId, list] of services) drafts.push(...dutyPeriods(technicianId, list));
  // Within one second: presence on, visits leaving, arrivals, calls, starts, presence off.
  drafts.sort((a, b) => a.atMs - b.atMs || a.order - b.order);
  return drafts.map((d, i) => ({ siteId, seq: i + 1, type: d.type, visitId: d.visitId, at: new Date(d.atMs).toISOString(), data: d.data }) as SiteEvent);
}

function dutyPeriods(technicianId: string, list: Array<[number, number]>): Draft[] {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const out: Draft[] = [];
  const presence = (atMs: number, status: 'available' | 'off', order: number): Draft => ({
    type: 'technician.presence_changed', visitId: null, atMs, order, data: { technicianId, deskId: `desk-${technicianId}`, status },
  });
  let start = sorted[0]![0];
  let end = sorted[0]![1];
  for (const [s, e] of sorted.slice(1)) {
    if (s - end > dutyGapMs) {
      out.push(presence(start, 'available', 0), presence(end, 'off', 9));
      start = s;
    }
    end = Math.max(end, e);
  }
  out.push(presence(start, 'available', 0), presence(end, 'off', 9));
  return out;
}

// Run directly to write walkup events as JSON lines: --input <bank.tsv>
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const input = process.argv[process.argv.indexOf('--input') + 1];
  if (!input) throw new Error('usage: import-anonymous-bank.ts --input <file.tsv> > events.jsonl');
  for (const event of importAnonymousBank(readFileSync(input, 'utf8'))) process.stdout.write(`${JSON.stringify(event)}\n`);
}
