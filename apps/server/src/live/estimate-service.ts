import PQueue from 'p-queue';
import { nextOpeningAt, siteAvailability, type ActiveVisitView, type SiteView, type WaitEstimate } from '@walkup/domain';
import type { EstimatesPayload } from '@walkup/protocol';
import type { Db } from '../db/connection.ts';
import type { SiteSetupCache } from '../queries/site-setup-cache.ts';
import type { EventBus } from './event-bus.ts';
import { createEstimatorThread, createInProcessEstimator, type Estimator } from './estimator-client.ts';
import type { EstimateInputs } from './estimator-messages.ts';
import type { LiveSiteViews } from './live-site-views.ts';
import { createSiteLearners } from './site-learners.ts';
import { loadBookedAhead } from '../appointments/booked-ahead.ts';

export type SiteEstimates = EstimatesPayload;

/** Someone about to join a queue: what their own estimate needs. */
export type Newcomer = Pick<ActiveVisitView, 'id' | 'queueId' | 'categoryId' | 'priority' | 'checkedInAt' | 'callOrderAt'> & {
  /** The booking this newcomer arrives for: no longer ahead of anyone, they are the newcomer. */
  appointmentId?: string | null;
};

export interface EstimateService {
  /** Estimates for exactly this state of the site: the latest ones if they are of its `seq`. */
  forView(view: SiteView): Promise<SiteEstimates>;
  /**
   * A newcomer's own estimate, made now for the site as it is plus them (see NewcomerEstimate): what
   * the display will show them once their check-in counts, so the kiosk can say it before committing.
   */
  forNewcomer(view: SiteView, newcomer: Newcomer): Promise<WaitEstimate | null>;
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
  /** An estimator to use instead of starting one (tests). */
  estimator?: Estimator;
}

/**
 * Recomputes of all sites together start at most this often. Each one costs the main thread a little
 * (the site's state crosses to the estimator thread, the results go out to its screens), growing with
 * the people waiting; with hundreds of busy sites the per-site throttle alone let that take most of
 * the server. Under this budget every site is still refreshed, a busy company's every couple of
 * seconds instead of twice a second.
 */
const recomputesPerSecond = 50;

/**
 * The share of one core the estimator may take, whatever the queues. A recompute's cost grows with
 * the people waiting (their sampled futures), so a fixed rate alone let long queues take a whole core
 * from the check-ins it should serve; after each recompute the next one waits until the estimator's
 * busy time is this share of the time passed. Estimates move on a scale of minutes: refreshing a
 * site every few seconds under overload costs the screens little.
 */
const estimatorShare = 0.25;

/**
 * Newcomers' own estimates computed at once, at most. Each is one extra recompute on the estimator
 * thread per check-in; beyond this (a flood of check-ins) a newcomer is told the queue's latest
 * published "joining now" figure instead, as before, so a flood costs no more than it did.
 */
const newcomerEstimatesAtOnce = 2;

export function createEstimateService(deps: EstimateServiceDeps): EstimateService {
  const minIntervalMs = deps.minIntervalMs ?? 500;
  const lastStartedAt = new Map<string, number>();
  const timers = new Map<string, NodeJS.Timeout>();
  const latest = new Map<string, SiteEstimates>();
  const listeners: Array<(siteId: string, estimates: SiteEstimates) => void> = [];
  const running = new Map<string, Promise<void>>();
  const dirty = new Set<string>();
  // One recompute at a time, each followed by its rest (paced below): no burst stalls the check-ins.
  const starts = new PQueue({ concurrency: 1 });
  const queuedSites = new Map<string, Promise<void>>();
  /** The estimator's busy time as it reports it, in ms since start. */
  let estimatorBusyMs = 0;
  let closed = false;
  let newcomersInFlight = 0;

  // The learners and sampled futures cost ~25% of a busy main thread; a worker gives them the second core.
  const estimator: Estimator =
    deps.estimator ??
    (deps.thread === false ? createInProcessEstimator() : createEstimatorThread({ onLost: () => learners.forget() }));
  const learners = createSiteLearners({ now: deps.now, estimator });

  /** What one estimate needs: the site's state as the log says (a view) plus its configuration. */
  async function inputsOf(view: SiteView, arrivingBookingId?: string | null): Promise<EstimateInputs> {
    const setup = await deps.setups.get(deps.db, view.siteId);
    await learners.ensure(deps.db, setup);
    const now = deps.now();
    const open = siteAvailability(setup.site, now).open;
    return {
      siteId: view.siteId,
      seq: view.seq,
      nowMs: now.getTime(),
      open,
      reopensAtMs: open ? null : (nextOpeningAt(setup.site.openingHours, now, setup.site.timeZone)?.getTime() ?? null),
      queueIds: setup.queues.map((q) => q.id),
      technicianQueues: setup.technicians.map((t) => [t.id, t.queueIds]),
      bookedAhead: await loadBookedAhead(deps.db, view.siteId, now, arrivingBookingId),
      presence: view.desks.flatMap((d) => (d.technicianId ? [{ technicianId: d.technicianId, status: d.status }] : [])),
      // Only what the estimator reads crosses to its thread (no names, notes or ITSM state).
      visits: view.visits.map(({ id, queueId, categoryId, priority, state, checkedInAt, callOrderAt, calledAt, technicianId }) => ({
        id,
        queueId,
        categoryId,
        priority,
        state,
        checkedInAt,
        // A booked visitor's place in the call order (appointments), so estimates follow the real order.
        callOrderAt: callOrderAt ?? null,
        calledAt,
        technicianId,
      })),
    };
  }

  async function compute(view: SiteView, arrivingBookingId?: string | null): Promise<SiteEstimates> {
    const inputs = await inputsOf(view, arrivingBookingId);
    const result = await estimator.estimate(inputs);
    estimatorBusyMs += result.busyMs;
    return { seq: inputs.seq, queues: result.queues, visits: result.visits, open: inputs.open, nobodyServing: result.nobodyServing };
  }

  /** One recompute of a site; a call while one runs marks the site for another, through the throttle. */
  function recompute(siteId: string): Promise<void> {
    const inFlight = running.get(siteId);
    if (inFlight) {
      dirty.add(siteId);
      return inFlight;
    }
    dirty.delete(siteId);
    lastStartedAt.set(siteId, Date.now());
    const run = (async () => {
      const estimates = await compute(await deps.views.view(siteId));
      latest.set(siteId, estimates);
      for (const listener of listeners) listener(siteId, estimates);
    })().finally(() => {
      running.delete(siteId);
      // Events committed during the run: they count in the next one (the last event always counts).
      if (dirty.has(siteId)) recomputeSoon(siteId);
    });
    running.set(siteId, run);
    return run;
  }

  /** Holds the next start until both budgets allow it: the rate, and the estimator's share of a core. */
  function restAfter(elapsedMs: number, busyMs: number): Promise<void> {
    const restMs = Math.max(1000 / recomputesPerSecond - elapsedMs, busyMs / estimatorShare - elapsedMs);
    if (restMs <= 0 || closed) return Promise.resolve();
    return new Promise((resolve) => setTimeout(resolve, restMs).unref());
  }

  /** Starts the site's recompute when the company-wide budget allows; a site is queued once at most. */
  function queueRecompute(siteId: string): Promise<void> {
    let queued = queuedSites.get(siteId);
    if (!queued) {
      // Within the budget the queue starts the task at once, inside `add`.
      let started = false;
      queued = starts
        .add(async () => {
          started = true;
          queuedSites.delete(siteId);
          const startedAt = Date.now();
          const busyBefore = estimatorBusyMs;
          try {
            await recompute(siteId);
          } finally {
            await restAfter(Date.now() - startedAt, estimatorBusyMs - busyBefore);
          }
        })
        .then(() => {});
      if (!started) queuedSites.set(siteId, queued);
    }
    return queued;
  }

  /** Recompute after events, at most once per `minIntervalMs` per site and within the budget. */
  function recomputeSoon(siteId: string): void {
    if (running.has(siteId)) {
      dirty.add(siteId);
      return;
    }
    if (timers.has(siteId) || queuedSites.has(siteId)) return;
    const wait = (lastStartedAt.get(siteId) ?? 0) + minIntervalMs - Date.now();
    if (wait <= 0) {
      void queueRecompute(siteId).catch(() => {});
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(siteId);
      void queueRecompute(siteId).catch(() => {});
    }, wait);
    timer.unref();
    timers.set(siteId, timer);
  }

  const unsubscribe = deps.bus.subscribe((events) => {
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
    async forNewcomer(view, newcomer) {
      if (newcomersInFlight >= newcomerEstimatesAtOnce) return (await this.current(view.siteId)).queues[newcomer.queueId] ?? null;
      newcomersInFlight++;
      try {
        const { appointmentId, ...joining } = newcomer;
        const visit: ActiveVisitView = { ...joining, ticketNumber: '', state: 'waiting', calledAt: null, startedAt: null, deskId: null, technicianId: null, callCount: 0, visitorName: null };
        const estimates = await compute({ ...view, visits: [...view.visits, visit] }, appointmentId);
        return estimates.visits[newcomer.id] ?? estimates.queues[newcomer.queueId] ?? null;
      } finally {
        newcomersInFlight--;
      }
    },
    async current(siteId) {
      // A recompute in flight is about to be the latest.
      await running.get(siteId)?.catch(() => {});
      const cached = latest.get(siteId);
      if (cached) return cached;
      await recompute(siteId);
      return latest.get(siteId)!;
    },
    onUpdate(listener) {
      listeners.push(listener);
    },
    async refreshAll(siteIds) {
      await Promise.all(siteIds.map(queueRecompute));
    },
    close: () => {
      closed = true;
      // An instance that stops computing (it lost the 'estimator' job) keeps its bus: stop listening.
      unsubscribe();
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      starts.clear();
      return estimator.close();
    },
  };
}
