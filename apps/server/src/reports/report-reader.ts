import { createLogPassRunner } from '../live/log-pass-runner.ts';
import type { Db } from '../db/connection.ts';
import type { Transact } from '../itsm/deliver-visit.ts';
import type { EventBus } from '../live/event-bus.ts';
import { readCursor, writeCursor } from '../queries/events.ts';
import { addBucketDeltas, clearReports, listEventsAfterId, listSiteTimeZones, loadJoinEstimates, loadReportVisits, saveReportVisits } from './report-store.ts';
import { applyReportEvent, BucketDeltas } from './report-visit-events.ts';
import type { ReportVisitRow } from './report-schema.ts';

export const reportCursorName = 'reports';
type Logger = { error: (...args: any[]) => void };

export interface ReportReader {
  start(): void;
  stop(): Promise<void>;
  /** Reads the log to its end now (tests, and reports asked right after a change). */
  drain(): Promise<void>;
  /** Forgets every figure and counts the whole log again. */
  rebuild(): Promise<void>;
}

/**
 * Reads one batch of the log after the report cursor, updates the per-visit rows and adds the
 * batch's bucket deltas; the cursor moves in the same transaction, so a crash never loses or
 * double-counts a visit. Returns how many events were read. Safe to run from one process at a time
 * (the cursor is the only coordination), which is what a later single-instance lock would ensure.
 */
export async function aggregateNextBatch(transact: Transact, batchSize: number): Promise<number> {
  return transact(async (trx) => {
    const after = await readCursor(trx, reportCursorName);
    const events = await listEventsAfterId(trx, after, batchSize);
    if (events.length === 0) return 0;
    const visitIds = [...new Set(events.flatMap((e) => (e.visitId ? [e.visitId] : [])))];
    const checkedIn = events.filter((e) => e.type === 'visit.checked_in').map((e) => e.visitId!);
    const [existing, estimates, timeZones] = await Promise.all([loadReportVisits(trx, visitIds), loadJoinEstimates(trx, checkedIn), listSiteTimeZones(trx)]);
    const visits = new Map<string, ReportVisitRow>(existing.map((row) => [row.visit_id, row]));
    const touched = new Set<string>();
    const deltas = new BucketDeltas();
    const context = { timeZoneOf: (siteId: string) => timeZones.get(siteId) ?? 'UTC', estimateAtJoin: (visitId: string) => estimates.get(visitId) ?? null };
    for (const event of events) {
      if (!event.visitId) continue;
      const next = applyReportEvent(context, visits.get(event.visitId), event, deltas);
      if (!next) continue;
      visits.set(event.visitId, next);
      touched.add(event.visitId);
    }
    await saveReportVisits(trx, [...touched].map((id) => visits.get(id)!));
    await addBucketDeltas(trx, [...deltas.byKey.values()]);
    await writeCursor(trx, reportCursorName, events.at(-1)!.id);
    return events.length;
  });
}

/** Long enough to gather a burst of commits into one batch; reports need not be up to the second. */
const wakeDebounceMs = 1_000;
const batchSize = 2_000;

export function createReportReader(deps: { db: Db; transact?: Transact; bus: EventBus; logger?: Logger; pollIntervalMs?: number }): ReportReader {
  const transact: Transact = deps.transact ?? ((work) => deps.db.transaction().execute(work));
  let stopped = true;
  let pollTimer: NodeJS.Timeout | null = null;
  let unsubscribe: (() => void) | null = null;

  async function readToEnd(): Promise<void> {
    while ((await aggregateNextBatch(transact, batchSize)) === batchSize);
  }

  const passes = createLogPassRunner({
    pass: readToEnd,
    onError: (error) => deps.logger?.error({ error: error.message }, 'report aggregation failed'),
    wakeDebounceMs,
  });
  const tick = passes.run;
  const wakeSoon = () => {
    if (!stopped) passes.wakeSoon();
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      unsubscribe = deps.bus.subscribe(wakeSoon);
      pollTimer = setInterval(() => void tick(), deps.pollIntervalMs ?? 60_000);
      pollTimer.unref();
      void tick();
    },
    async stop() {
      stopped = true;
      unsubscribe?.();
      passes.cancelWake();
      if (pollTimer) clearInterval(pollTimer);
      await passes.idle();
    },
    drain: () => tick(),
    async rebuild() {
      await passes.idle();
      await transact((trx) => clearReports(trx, reportCursorName));
      await tick();
    },
  };
}
