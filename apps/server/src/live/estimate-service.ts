import { isOpenAt, type SiteView } from '@walkup/domain';
import type { EstimatesPayload } from '@walkup/protocol';
import type { Db } from '../db/connection.ts';
import type { SiteSetupCache } from '../queries/site-setup-cache.ts';
import type { EventBus } from './event-bus.ts';
import { createEstimatorThread, createInProcessEstimator, type Estimator } from './estimator-client.ts';
import type { EstimateInputs } from './estimator-messages.ts';
import type { LiveSiteViews } from './live-site-views.ts';
import { createSiteLearners } from './site-learners.ts';

export type SiteEstimates = EstimatesPayload;

export interface EstimateService {
  /** Estimates for exactly this state of the site: the latest ones if they are of its `seq`. */
  forView(view: SiteView): Promise<SiteEstimates>;
  /** Latest published estimates of a site, computing them if none yet. */
  current(siteId: string): Promise<SiteEstimates>;
  /** Called after each recompute that follows committed events (or the periodic tick). */
  onUpdate(listener: (siteId: string, estimates: SiteEstimates) => void): void;
  /** Recomputes every site that has listeners; time passing changes estimates too. */
  refreshAll(siteIds: readonly string[]): Promise<void>;
  /** Stops the estimator thread (app close). */
  close(): Promise<void>;
}

export interface EstimateServiceDeps {
  db: Db;
  bus: EventBus;
  now: () => Date;
  setups: SiteSetupCache;
  /** The sites' current state, kept from the event log: an estimate reads no rows. */
  views: LiveSiteViews;
  /**
   * Least time between two recomputes of one site triggered by events. Under a burst of check-ins
   * the estimator then runs a few times a second per site instead of once per event, and every
   * burst still ends with estimates that include its last event.
   */
  minIntervalMs?: number;
  /** Run the estimator in a worker thread (default), or in process on the main thread. */
  thread?: boolean;
}

export function createEstimateService(deps: EstimateServiceDeps): EstimateService {
  const minIntervalMs = deps.minIntervalMs ?? 500;
  const lastStartedAt = new Map<string, number>();
  const timers = new Map<string, NodeJS.Timeout>();
  const latest = new Map<string, SiteEstimates>();
  const listeners: Array<(siteId: string, estimates: SiteEstimates) => void> = [];
  const running = new Map<string, Promise<void>>();
  const dirty = new Set<string>();

  // The learners and sampled futures cost ~25% of a busy main thread; a worker gives them the second core.
  const estimator: Estimator =
    deps.thread === false ? createInProcessEstimator() : createEstimatorThread({ onLost: () => learners.forget() });
  const learners = createSiteLearners({ now: deps.now, estimator });

  /** What one estimate needs: the site's state as the log says (a view) plus its configuration. */
  async function inputsOf(view: SiteView): Promise<EstimateInputs> {
    const setup = await deps.setups.get(deps.db, view.siteId);
    await learners.ensure(deps.db, setup);
    const now = deps.now();
    return {
      siteId: view.siteId,
      seq: view.seq,
      nowMs: now.getTime(),
      open: isOpenAt(setup.site.openingHours, now, setup.site.timeZone),
      queueIds: setup.queues.map((q) => q.id),
      technicianQueues: setup.technicians.map((t) => [t.id, t.queueIds]),
      presence: view.desks.flatMap((d) => (d.technicianId ? [{ technicianId: d.technicianId, status: d.status }] : [])),
      visits: view.visits.map((v) => ({
        id: v.id,
        queue_id: v.queueId,
        category_id: v.categoryId,
        priority: v.priority,
        state: v.state,
        checked_in_at: v.checkedInAt,
        called_at: v.calledAt,
        technician_id: v.technicianId,
      })),
    };
  }

  async function compute(view: SiteView): Promise<SiteEstimates> {
    const inputs = await inputsOf(view);
    const result = await estimator.estimate(inputs);
    return { seq: inputs.seq, queues: result.queues, visits: result.visits, open: inputs.open };
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
        const estimates = await compute(await deps.views.view(siteId));
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
    // Posted before any later estimate request, so that estimate learns from these events.
    learners.observe(events);
    // After the publisher's own work (it may still be answering the committed requests); a failed
    // recompute leaves the previous estimates in place, and the next event or tick retries.
    queueMicrotask(() => sites.forEach(recomputeSoon));
  });

  return {
    async forView(view) {
      await running.get(view.siteId)?.catch(() => {});
      const latestOfSite = latest.get(view.siteId);
      return latestOfSite?.seq === view.seq ? latestOfSite : compute(view);
    },
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
    close: () => estimator.close(),
  };
}
