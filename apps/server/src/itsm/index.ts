import type { ItsmAdapter } from '@walkup/itsm';
import type { Db } from '../db/connection.ts';
import type { CommittedEvent, EventBus } from '../live/event-bus.ts';
import { createLogPassRunner } from '../live/log-pass-runner.ts';
import { createConnectionPolicy, type ConnectionPolicy, type PolicyOptions } from './connection-policy.ts';
import { listDueBookingTickets } from './booking-ticket-store.ts';
import { deliverBookingTicket } from './deliver-booking.ts';
import { deliverVisit, type DeliveryContext, type Transact } from './deliver-visit.ts';
import { listDueDeliveries, releaseHeldCreates, scanNewEvents } from './delivery-store.ts';
import { readItsmHealth, recordConnectionOutcome, type ConnectionHealth } from './itsm-health.ts';
import { reconcileUnknownCreates } from './reconcile.ts';
import { retryDeadLetter } from './retry-dead-letter.ts';
import { createSetupGate, type SetupState } from './setup-gate.ts';

export { parseItsmConfigFromEnv } from './itsm-config.ts';
export { parseItsmConnections } from './itsm-connections.ts';
export { createSiteItsmAdapters, type SiteItsmAdapters } from './site-itsm-adapters.ts';
export { connectionAdminRoutes } from './connection-admin-routes.ts';
export { createSecretBox } from './connection-secrets.ts';
export { itsmRoutes } from './routes.ts';
export type { ConnectionHealth } from './itsm-health.ts';

type Logger = { info: (...args: any[]) => void; warn: (...args: any[]) => void; error: (...args: any[]) => void };

export interface ItsmDeliveryOptions extends Partial<PolicyOptions> {
  /** How often due retries are looked for when no event wakes the worker. */
  pollIntervalMs?: number;
  reconcileIntervalMs?: number;
  /** Visits delivered in parallel (each visit stays strictly in order). */
  concurrency?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  random?: () => number;
  /** Hold creates while a connection's set-up check fails, and run the checks at start (the app turns this on). */
  setupChecks?: boolean;
  /** How long a failed set-up check holds creates before a delivery runs it again (default 60 s). */
  setupRecheckMs?: number;
}

export interface ItsmDeliveryDeps {
  db: Db;
  /** Where the worker's writes commit; the app passes its group committer (shared fsync, off the event loop). */
  transact?: Transact;
  bus: EventBus;
  adapterFor: (siteId: string) => ItsmAdapter;
  /** A configured connection no site uses yet, so an admin can test it before choosing it. */
  adapterNamed?: (name: string) => ItsmAdapter | null;
  now?: () => Date;
  logger?: Logger;
  options?: ItsmDeliveryOptions;
}

export interface ItsmDelivery {
  start(): void;
  stop(): Promise<void>;
  /** Process everything pending now; for tests. */
  drain(): Promise<void>;
  /** Adopts tickets whose create outcome was unknown (runs at start and every reconcile interval). */
  reconcile(): Promise<void>;
  /** Health per ITSM connection: last success, breaker state, backlog, dead letters. */
  health(): Promise<ConnectionHealth[]>;
  /** Admin/technician action on a dead letter; `skipFailedUpdate` drops an update the ITSM keeps refusing. */
  retry(visitId: string, options?: { skipFailedUpdate?: boolean }): Promise<void>;
  /** Runs the set-up check of the named connection now (null: no site uses that name); a pass releases held creates. */
  checkSetup(connectionName: string): Promise<SetupState | null>;
  /** Delivers with the sites' current adapters now (after an admin changed a connection). */
  refresh(): void;
}

/** Long enough to gather a burst of commits, short enough that a ticket still appears within the second. */
const wakeDebounceMs = 50;

const silent: Logger = { info() {}, warn() {}, error() {} };

/**
 * The ITSM outbox is the event log: this worker reads it from a persisted cursor, keeps per-visit
 * progress in `itsm_deliveries`, and talks to each ITSM through one breaker per connection. All of
 * it runs beside the request path, so a slow or absent ITSM never delays a check-in.
 */
export function createItsmDelivery(deps: ItsmDeliveryDeps): ItsmDelivery {
  const now = deps.now ?? (() => new Date());
  const logger = deps.logger ?? silent;
  const o = deps.options ?? {};
  const concurrency = o.concurrency ?? 8;
  const policyOptions: PolicyOptions = {
    operationTimeoutMs: o.operationTimeoutMs ?? 30_000,
    breakerThreshold: o.breakerThreshold ?? 5,
    breakerHalfOpenMs: o.breakerHalfOpenMs ?? 30_000,
    maxConcurrency: concurrency,
    slowCallMs: o.slowCallMs ?? 1_000,
  };
  const connections = new Map<ItsmAdapter, ConnectionPolicy>();
  const connectionFor = (siteId: string) => {
    const adapter = deps.adapterFor(siteId);
    let policy = connections.get(adapter);
    if (!policy) connections.set(adapter, (policy = createConnectionPolicy(adapter, policyOptions, () => now().getTime())));
    return policy;
  };
  const sitesOf = async (adapter: ItsmAdapter) => (await deps.db.selectFrom('sites').select('id').execute()).map((s) => s.id).filter((id) => deps.adapterFor(id) === adapter);
  const setupGate = createSetupGate({ db: deps.db, now, sitesOf, recheckMs: o.setupRecheckMs });
  const transact: Transact = deps.transact ?? ((work) => deps.db.transaction().execute(work));
  const ctx: DeliveryContext = {
    db: deps.db,
    transact,
    bus: deps.bus,
    now,
    random: o.random ?? Math.random,
    logger,
    backoff: { baseMs: o.backoffBaseMs ?? 1_000, capMs: o.backoffCapMs ?? 300_000, breakerHalfOpenMs: policyOptions.breakerHalfOpenMs },
    ...(o.setupChecks ? { setupGate } : {}),
    onOutcome: (connection, error) => recordConnectionOutcome(deps.db, connection, error, now()).catch(() => {}),
  };

  async function scanAll(): Promise<void> {
    const batchSize = 500;
    // A short read means the log's end was reached: no second scan just to find nothing.
    while ((await scanNewEvents(transact, batchSize, now().toISOString(), (siteId) => deps.adapterFor(siteId).createsTickets)) === batchSize);
  }

  /** Tickets made at booking: few, so one at a time, before the visits (an arrival may need one). */
  async function deliverBookings(): Promise<void> {
    for (const row of await listDueBookingTickets(deps.db, now().toISOString(), 200)) {
      await deliverBookingTicket(ctx, connectionFor(row.site_id), row);
    }
  }

  /** One pass: read new events, then deliver everything due, a bounded number of visits at a time. */
  async function pass(): Promise<void> {
    await scanAll();
    await deliverBookings();
    for (;;) {
      const due = await listDueDeliveries(deps.db, now().toISOString(), 200);
      if (due.length === 0) return;
      let next = 0;
      const lane = async () => {
        while (next < due.length) {
          const delivery = due[next++]!;
          await deliverVisit(ctx, connectionFor(delivery.site_id), delivery);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, lane));
      await scanAll();
    }
  }

  let stopped = true;
  const timers: NodeJS.Timeout[] = [];
  let unsubscribe: (() => void) | null = null;
  /** The start-up checks and reconcile, which stop() waits for like a pass. */
  let startingUp: Promise<void> = Promise.resolve();

  /**
   * Commits wake the worker through a short debounce, and commits during a pass a debounce after it: a
   * burst of check-ins becomes one scan (one cursor write, one fsync) instead of one per event, which
   * would halve check-in throughput.
   */
  const passes = createLogPassRunner({
    pass,
    onError: (error) => logger.error({ error: error.message }, 'ITSM delivery pass failed'),
    wakeDebounceMs,
    mayRepeat: () => !stopped,
    debounceAfterPass: true,
  });
  const tick = passes.run;
  const wakeSoon = () => {
    if (!stopped) passes.wakeSoon();
  };
  /** A timer's or the start-up's pass, unless the worker was stopped meanwhile (the app closes the database next). */
  const tickUnlessStopped = () => (stopped ? Promise.resolve() : tick());

  async function adaptersInUse(): Promise<ItsmAdapter[]> {
    const sites = await deps.db.selectFrom('sites').select('id').execute();
    return [...new Set(sites.map((s) => deps.adapterFor(s.id)))].filter((adapter) => adapter.createsTickets);
  }

  async function checkAllSetups(): Promise<void> {
    for (const adapter of await adaptersInUse().catch(() => [])) {
      const state = await setupGate.check(adapter);
      if (!state.ok) logger.warn({ connection: adapter.connectionName ?? adapter.vendor, failures: state.checks.filter((c) => !c.ok).map((c) => c.message) }, 'ITSM set-up check failed; creates wait');
    }
  }

  /**
   * A changed category mapping or connection may need what the last check did not cover (another
   * queue, a new connection): its result is forgotten, so the next create checks again; a running
   * worker checks at once, so the health view shows a broken mapping before a visitor arrives.
   */
  function recheckAfterConfigChange(events: readonly CommittedEvent[]): void {
    if (!o.setupChecks) return;
    const changed = events.filter((e) => e.type === 'site.config_changed' && /^(category|itsm_connection)\./.test(e.data.change));
    for (const adapter of new Set(changed.map((e) => deps.adapterFor(e.siteId)))) {
      setupGate.forget(adapter);
      if (!stopped && adapter.createsTickets) void setupGate.check(adapter);
    }
  }

  // From the start, not only while the worker runs: a drained or restarted worker must not trust an old result.
  deps.bus.subscribe(recheckAfterConfigChange);

  async function reconcile(): Promise<void> {
    await reconcileUnknownCreates(deps.db, now, connectionFor, deps.bus).catch((error) =>
      logger.warn({ error: (error as Error).message }, 'ITSM reconcile failed'),
    );
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      unsubscribe = deps.bus.subscribe(wakeSoon);
      timers.push(setInterval(() => void tick(), o.pollIntervalMs ?? 1_000));
      timers.push(setInterval(() => void reconcile().then(tickUnlessStopped), o.reconcileIntervalMs ?? 10 * 60_000));
      for (const timer of timers) timer.unref();
      // The same checks an admin's "Test connection" runs, at start, so a broken set-up shows before the first visitor.
      startingUp = (o.setupChecks ? checkAllSetups() : Promise.resolve()).then(reconcile).then(tickUnlessStopped);
    },
    async stop() {
      stopped = true;
      unsubscribe?.();
      passes.cancelWake();
      for (const timer of timers.splice(0)) clearInterval(timer);
      await startingUp;
      await passes.idle();
      await Promise.all([...connections.keys()].map((adapter) => adapter.close?.().catch(() => {})));
    },
    async drain() {
      await passes.idle();
      const wasStopped = stopped;
      stopped = false;
      await tick();
      stopped = wasStopped;
    },
    reconcile,
    health: () => readItsmHealth(deps.db, deps.adapterFor, (adapter) => connections.get(adapter), setupGate.stateOf),
    async checkSetup(connectionName) {
      const adapter = (await adaptersInUse()).find((a) => (a.connectionName ?? a.vendor) === connectionName) ?? deps.adapterNamed?.(connectionName);
      if (!adapter) return null;
      const state = await setupGate.check(adapter);
      if (state.ok) await releaseHeldCreates(deps.db, await sitesOf(adapter), now().toISOString());
      void tick();
      return state;
    },
    refresh() {
      // A connection new to its sites is checked now, so the health view says what is wrong before a visitor arrives.
      if (o.setupChecks && !stopped) {
        void adaptersInUse()
          .then((adapters) => adapters.filter((adapter) => !setupGate.stateOf(adapter)).forEach((adapter) => void setupGate.check(adapter)))
          .catch(() => {});
      }
      void tick();
    },
    async retry(visitId, options) {
      await retryDeadLetter({ db: deps.db, bus: deps.bus, now }, visitId, options);
      void tick();
    },
  };
}
