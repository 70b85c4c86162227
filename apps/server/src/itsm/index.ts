import type { ItsmAdapter } from '@walkup/itsm';
import type { Db } from '../db/connection.ts';
import type { EventBus } from '../live/event-bus.ts';
import { createConnectionPolicy, type ConnectionPolicy, type PolicyOptions } from './connection-policy.ts';
import { deliverVisit, type DeliveryContext, type Transact } from './deliver-visit.ts';
import { listDueDeliveries, scanNewEvents } from './delivery-store.ts';
import { readItsmHealth, recordConnectionOutcome, type ConnectionHealth } from './itsm-health.ts';
import { reconcileUnknownCreates } from './reconcile.ts';
import { retryDeadLetter } from './retry-dead-letter.ts';

export { parseItsmConfigFromEnv } from './itsm-config.ts';
export { parseItsmConnections } from './itsm-connections.ts';
export { createSiteItsmAdapters, type SiteItsmAdapters } from './site-itsm-adapters.ts';
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
}

export interface ItsmDeliveryDeps {
  db: Db;
  /** Where the worker's writes commit; the app passes its group committer (shared fsync, off the event loop). */
  transact?: Transact;
  bus: EventBus;
  adapterFor: (siteId: string) => ItsmAdapter;
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
  const policyOptions: PolicyOptions = {
    operationTimeoutMs: o.operationTimeoutMs ?? 30_000,
    breakerThreshold: o.breakerThreshold ?? 5,
    breakerHalfOpenMs: o.breakerHalfOpenMs ?? 30_000,
  };
  const concurrency = o.concurrency ?? 8;
  const connections = new Map<ItsmAdapter, ConnectionPolicy>();
  const connectionFor = (siteId: string) => {
    const adapter = deps.adapterFor(siteId);
    let policy = connections.get(adapter);
    if (!policy) connections.set(adapter, (policy = createConnectionPolicy(adapter, policyOptions, () => now().getTime())));
    return policy;
  };
  const transact: Transact = deps.transact ?? ((work) => deps.db.transaction().execute(work));
  const ctx: DeliveryContext = {
    db: deps.db,
    transact,
    bus: deps.bus,
    now,
    random: o.random ?? Math.random,
    logger,
    backoff: { baseMs: o.backoffBaseMs ?? 1_000, capMs: o.backoffCapMs ?? 300_000, breakerHalfOpenMs: policyOptions.breakerHalfOpenMs },
    onOutcome: (connection, error) => recordConnectionOutcome(deps.db, connection, error, now()).catch(() => {}),
  };

  async function scanAll(): Promise<void> {
    const batchSize = 500;
    // A short read means the log's end was reached: no second scan just to find nothing.
    while ((await scanNewEvents(transact, batchSize, now().toISOString(), (siteId) => deps.adapterFor(siteId).createsTickets)) === batchSize);
  }

  /** One pass: read new events, then deliver everything due, a bounded number of visits at a time. */
  async function pass(): Promise<void> {
    await scanAll();
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

  let running: Promise<void> | null = null;
  let again = false;
  let wakeAfterPass = false;
  let stopped = true;
  const timers: NodeJS.Timeout[] = [];
  let unsubscribe: (() => void) | null = null;
  let wakeTimer: NodeJS.Timeout | null = null;

  /**
   * Commits wake the worker through this short debounce: a burst of check-ins becomes one scan (one
   * cursor write, one fsync) instead of one per event, which would halve check-in throughput.
   */
  function wakeSoon(): void {
    if (wakeTimer || stopped) return;
    wakeTimer = setTimeout(() => {
      wakeTimer = null;
      // Commits during a pass wake the worker again a debounce after it, not straight away: under a
      // steady stream of check-ins that is one scan per period instead of back-to-back scans.
      if (running) wakeAfterPass = true;
      else void tick();
    }, wakeDebounceMs);
  }

  function tick(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await pass().catch((error) => logger.error({ error: (error as Error).message }, 'ITSM delivery pass failed'));
      } while (again && !stopped);
    })().finally(() => {
      running = null;
      if (wakeAfterPass) {
        wakeAfterPass = false;
        wakeSoon();
      }
    });
    return running;
  }

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
      timers.push(setInterval(() => void reconcile().then(tick), o.reconcileIntervalMs ?? 10 * 60_000));
      for (const timer of timers) timer.unref();
      void reconcile().then(tick);
    },
    async stop() {
      stopped = true;
      unsubscribe?.();
      if (wakeTimer) clearTimeout(wakeTimer);
      for (const timer of timers.splice(0)) clearInterval(timer);
      await running;
      await Promise.all([...connections.keys()].map((adapter) => adapter.close?.().catch(() => {})));
    },
    async drain() {
      if (running) await running;
      const wasStopped = stopped;
      stopped = false;
      await tick();
      stopped = wasStopped;
    },
    reconcile,
    health: () => readItsmHealth(deps.db, deps.adapterFor, (adapter) => connections.get(adapter)),
    async retry(visitId, options) {
      await retryDeadLetter({ db: deps.db, bus: deps.bus, now }, visitId, options);
      void tick();
    },
  };
}
