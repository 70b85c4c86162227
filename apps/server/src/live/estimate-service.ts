import { estimateWaits, isOpenAt, type EstimatorTechnician } from '@walkup/domain';
import type { EstimatesPayload } from '@walkup/protocol';
import type { Db } from '../db/connection.ts';
import { listSitePresence } from '../queries/presence.ts';
import type { SiteSetupCache } from '../queries/site-setup-cache.ts';
import { listActiveVisitsForEstimates } from '../queries/visits.ts';
import type { EventBus } from './event-bus.ts';
import { createSiteLearners } from './site-learners.ts';

export type SiteEstimates = EstimatesPayload;

export interface EstimateService {
  /** Computes estimates reading through `db` (pass a transaction to include uncommitted changes). */
  computeWithin(db: Db, siteId: string): Promise<SiteEstimates>;
  /** Latest published estimates of a site, computing them if none yet. */
  current(siteId: string): Promise<SiteEstimates>;
  /** Called after each recompute that follows committed events (or the periodic tick). */
  onUpdate(listener: (siteId: string, estimates: SiteEstimates) => void): void;
  /** Recomputes every site that has listeners; time passing changes estimates too. */
  refreshAll(siteIds: readonly string[]): Promise<void>;
}

export interface EstimateServiceDeps {
  db: Db;
  bus: EventBus;
  now: () => Date;
  setups: SiteSetupCache;
  /**
   * Least time between two recomputes of one site triggered by events. Under a burst of check-ins
   * the estimator then runs a few times a second per site instead of once per event, and every
   * burst still ends with estimates that include its last event.
   */
  minIntervalMs?: number;
}

export function createEstimateService(deps: EstimateServiceDeps): EstimateService {
  const minIntervalMs = deps.minIntervalMs ?? 500;
  const lastStartedAt = new Map<string, number>();
  const timers = new Map<string, NodeJS.Timeout>();
  const learners = createSiteLearners(deps);
  const latest = new Map<string, SiteEstimates>();
  const listeners: Array<(siteId: string, estimates: SiteEstimates) => void> = [];
  const running = new Map<string, Promise<void>>();
  const dirty = new Set<string>();

  async function computeWithin(db: Db, siteId: string): Promise<SiteEstimates> {
    const setup = await deps.setups.get(db, siteId);
    const [visits, presence, learner, seqRow] = await Promise.all([
      listActiveVisitsForEstimates(db, siteId),
      listSitePresence(db, siteId),
      learners.forSite(db, setup),
      db.selectFrom('sites').select('event_seq').where('id', '=', siteId).executeTakeFirstOrThrow(),
    ]);
    const now = deps.now();
    const queueIdsOf = new Map(setup.technicians.map((t) => [t.id, t.queueIds]));
    // The database says who is where now; the learner adds what it knows of each (free since, back from break).
    const learned = learner.estimatorInput(now.getTime());
    const learnedTechnicians = new Map(learned.technicians.map((t) => [t.id, t]));
    const technicians: EstimatorTechnician[] = presence.map((p) => {
      const known = learnedTechnicians.get(p.technicianId);
      const current = visits.find((v) => v.technician_id === p.technicianId && (v.state === 'called' || v.state === 'in_service'));
      return {
        id: p.technicianId,
        status: p.status,
        queueIds: queueIdsOf.get(p.technicianId) ?? [],
        current: current ? { categoryId: current.category_id, sinceMs: Date.parse(current.called_at ?? current.checked_in_at) } : null,
        ...(known?.freeSinceMs !== undefined && !current ? { freeSinceMs: known.freeSinceMs } : {}),
        ...(known?.returnsAtMs !== undefined && p.status === 'break' ? { returnsAtMs: known.returnsAtMs } : {}),
      };
    });
    const waiting = visits
      .filter((v) => v.state === 'waiting')
      .map((v) => ({ id: v.id, queueId: v.queue_id, categoryId: v.category_id, priority: v.priority, checkedInAt: v.checked_in_at }));
    const result = estimateWaits({
      ...learned,
      queueIds: setup.queues.map((q) => q.id),
      technicians,
      waiting,
    });
    return {
      seq: seqRow.event_seq,
      queues: result.queues,
      visits: result.visits,
      open: isOpenAt(setup.site.openingHours, now, setup.site.timeZone),
    };
  }

  async function recompute(siteId: string): Promise<void> {
    // Coalesce bursts: one recompute at a time per site, and one more if events arrived meanwhile.
    if (running.has(siteId)) {
      dirty.add(siteId);
      return running.get(siteId);
    }
    const run = (async () => {
      do {
        dirty.delete(siteId);
        lastStartedAt.set(siteId, Date.now());
        const estimates = await deps.db.transaction().execute((trx) => computeWithin(trx, siteId));
        latest.set(siteId, estimates);
        for (const listener of listeners) listener(siteId, estimates);
      } while (dirty.has(siteId));
    })().finally(() => running.delete(siteId));
    running.set(siteId, run);
    return run;
  }

  /** Recompute after events, at most once per `minIntervalMs` per site (the last event always counts). */
  function recomputeSoon(siteId: string): void {
    if (running.has(siteId)) {
      dirty.add(siteId);
      return;
    }
    if (timers.has(siteId)) return;
    const wait = (lastStartedAt.get(siteId) ?? 0) + minIntervalMs - Date.now();
    if (wait <= 0) {
      void recompute(siteId).catch(() => {});
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(siteId);
      void recompute(siteId).catch(() => {});
    }, wait);
    timer.unref();
    timers.set(siteId, timer);
  }

  deps.bus.subscribe((events) => {
    const sites = new Set(events.map((e) => e.siteId));
    // A failed recompute leaves the previous estimates in place; the next event or tick retries.
    void learners
      .observe(events)
      .then(() => sites.forEach(recomputeSoon))
      .catch(() => {});
  });

  return {
    computeWithin,
    async current(siteId) {
      // Wait for a recompute in flight, so "current" reflects every committed event.
      await running.get(siteId);
      const cached = latest.get(siteId);
      if (cached) return cached;
      await recompute(siteId);
      return latest.get(siteId)!;
    },
    onUpdate(listener) {
      listeners.push(listener);
    },
    async refreshAll(siteIds) {
      await Promise.all(siteIds.map((siteId) => recompute(siteId)));
    },
  };
}
