import { createLogPassRunner } from '../live/log-pass-runner.ts';
import type { Db } from '../db/connection.ts';
import type { EventBus } from '../live/event-bus.ts';
import type { SiteView } from '@walkup/domain';
import type { SiteSetupCache } from '../queries/site-setup-cache.ts';
import type { EstimatesPayload } from '@walkup/protocol';
import { decideComeOverAsTimePasses, decideFromNewEvents, type Transact } from './decide-notifications.ts';
import { deliverNotification, type DeliverContext } from './deliver-notification.ts';
import type { NotificationChannel } from './notification-channel.ts';
import { closeInterruptedSends, listDueNotifications } from './notification-store.ts';
import { feedbackPagePath } from '../visitor/feedback-links.ts';

type Logger = { info: (...args: any[]) => void; warn: (...args: any[]) => void; error: (...args: any[]) => void };

export interface NotificationWorkerDeps {
  db: Db;
  transact?: Transact;
  bus: EventBus;
  channels: NotificationChannel[];
  optOutUrl: (token: string) => string;
  /** The site's estimates for a state of it: visitors on the way are told to come over by them. */
  estimatesFor?: (view: SiteView) => Promise<EstimatesPayload | null>;
  /** The sites' live views and setup cache the app keeps: a pass then reads no site from the database. */
  views?: { view(siteId: string): Promise<SiteView> };
  setups?: SiteSetupCache;
  /** The closing email's link per face; the phone page's feedback view by default (relative). */
  feedbackUrl?: (token: string, score: 1 | 2 | 3) => string;
  now?: () => Date;
  random?: () => number;
  logger?: Logger;
  options?: { pollIntervalMs?: number; comeOverCheckIntervalMs?: number; backoffBaseMs?: number; backoffCapMs?: number; maxAttempts?: number; concurrency?: number };
}

export interface NotificationWorker {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Decide and send everything due now; for tests. */
  drain(): Promise<void>;
}

const silent: Logger = { info() {}, warn() {}, error() {} };
const wakeDebounceMs = 50;

/**
 * Notifications read the event log from their own persisted cursor (like the ITSM worker) and keep
 * one row per (visit, kind, channel). Sending runs beside the request path: a slow mail server never
 * delays a call.
 */
export function createNotificationWorker(deps: NotificationWorkerDeps): NotificationWorker {
  const now = deps.now ?? (() => new Date());
  const logger = deps.logger ?? silent;
  const o = deps.options ?? {};
  const transact: Transact = deps.transact ?? ((work) => deps.db.transaction().execute(work));
  const deliver: DeliverContext = {
    db: deps.db,
    transact,
    channels: new Map(deps.channels.map((c) => [c.name, c])),
    now,
    random: deps.random ?? Math.random,
    backoff: { baseMs: o.backoffBaseMs ?? 5_000, capMs: o.backoffCapMs ?? 10 * 60_000, maxAttempts: o.maxAttempts ?? 12 },
    logger,
    feedbackUrl: deps.feedbackUrl ?? feedbackPagePath,
  };
  const decide = { db: deps.db, transact, channels: deps.channels, optOutUrl: deps.optOutUrl, estimatesFor: deps.estimatesFor, views: deps.views, setups: deps.setups };
  // Estimates are refreshed every half minute without events; looking more often would find the same.
  const comeOverCheckIntervalMs = o.comeOverCheckIntervalMs ?? 15_000;
  let lastComeOverCheck = -Infinity;
  let comeOverCheckDue = true;
  const concurrency = o.concurrency ?? 4;

  async function pass(): Promise<void> {
    while ((await decideFromNewEvents(decide, 500, now().toISOString())) === 500);
    if (comeOverCheckDue || now().getTime() - lastComeOverCheck >= comeOverCheckIntervalMs) {
      comeOverCheckDue = false;
      lastComeOverCheck = now().getTime();
      await decideComeOverAsTimePasses(decide, now().toISOString());
    }
    const due = await listDueNotifications(deps.db, now().toISOString(), 200);
    let next = 0;
    const lane = async () => {
      while (next < due.length) await deliverNotification(deliver, due[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, lane));
  }

  let stopped = true;
  let timer: NodeJS.Timeout | null = null;
  let unsubscribe: (() => void) | null = null;

  const passes = createLogPassRunner({
    pass,
    onError: (error) => logger.error({ error: error.message }, 'notification pass failed'),
    wakeDebounceMs,
    mayRepeat: () => !stopped,
  });
  const tick = passes.run;
  const wakeSoon = () => {
    if (!stopped) passes.wakeSoon();
  };

  return {
    async start() {
      if (!stopped) return;
      // Only this process sends; what a previous one left mid-send is closed, never sent twice.
      const closed = await closeInterruptedSends(deps.db, now().toISOString());
      if (closed > 0) logger.warn({ closed }, 'notifications interrupted mid-send were not sent again');
      stopped = false;
      unsubscribe = deps.bus.subscribe(wakeSoon);
      timer = setInterval(() => void tick(), o.pollIntervalMs ?? 1_000);
      timer.unref();
      void tick();
    },
    async stop() {
      stopped = true;
      unsubscribe?.();
      passes.cancelWake();
      if (timer) clearInterval(timer);
      await passes.idle();
    },
    async drain() {
      await passes.idle();
      comeOverCheckDue = true;
      await tick();
    },
  };
}
