import type { SiteEvent } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import { listSiteEventsSince } from '../queries/events.ts';
import type { SiteSetup } from '../queries/sites.ts';
import type { Estimator } from './estimator-client.ts';
import type { LearnerSetup } from './estimator-messages.ts';

/** Learning looks back this far: long enough to know each category, short enough to be current. */
const historyDays = 14;

/** A learner's configuration as plain data, since functions cannot cross into the estimator thread. */
export function learnerSetupOf(setup: SiteSetup): LearnerSetup {
  return {
    siteId: setup.site.id,
    categoryServiceSeconds: setup.categories.map((c) => [c.id, c.expectedServiceSeconds]),
    queueServiceSeconds: setup.queues.map((q) => {
      const choices = setup.categories.filter((c) => c.queueId === q.id);
      const mean = choices.length ? choices.reduce((sum, c) => sum + c.expectedServiceSeconds, 0) / choices.length : 600;
      return [q.id, mean];
    }),
    technicianQueues: setup.technicians.map((t) => [t.id, t.queueIds]),
    timeZone: setup.site.timeZone,
  };
}

/**
 * Keeps the estimator's per-site WaitLearners fed: the first use of a site reads its recent event
 * log here (the database stays on the main thread) and sends it as the warm-up; every committed
 * event then follows in order, the same learning code the replay benchmark scores.
 */
export function createSiteLearners(deps: { now: () => Date; estimator: Estimator }) {
  /** Sites whose learner exists in the estimator, or whose warm-up read is in flight. */
  const warmUps = new Map<string, Promise<void>>();
  /** Events committed while a site's warm-up read was in flight; sent after the warm-up. */
  const held = new Map<string, SiteEvent[]>();

  async function warmUp(db: Db, setup: SiteSetup): Promise<void> {
    const siteId = setup.site.id;
    const since = new Date(deps.now().getTime() - historyDays * 86_400_000).toISOString();
    const events = await listSiteEventsSince(db, siteId, since);
    deps.estimator.warm(learnerSetupOf(setup), events);
    // The estimator skips what the warm-up already included by sequence number.
    const late = held.get(siteId) ?? [];
    held.delete(siteId);
    if (late.length > 0) deps.estimator.observe(late);
  }

  return {
    /** Warms the site's learner on first use, reading through `db` (possibly a transaction). */
    ensure(db: Db, setup: SiteSetup): Promise<void> {
      const siteId = setup.site.id;
      let entry = warmUps.get(siteId);
      if (!entry) {
        held.set(siteId, []);
        const started = warmUp(db, setup);
        entry = started;
        warmUps.set(siteId, started);
        started.catch(() => {
          if (warmUps.get(siteId) !== started) return;
          warmUps.delete(siteId);
          held.delete(siteId);
        });
      }
      return entry;
    },
    /** Passes committed events on; sites nobody asked about yet learn from the log when they are. */
    observe(events: readonly SiteEvent[]): void {
      const ready: SiteEvent[] = [];
      for (const event of events) {
        if (!warmUps.has(event.siteId)) continue;
        const waiting = held.get(event.siteId);
        if (waiting) waiting.push(event);
        else ready.push(event);
      }
      if (ready.length > 0) deps.estimator.observe(ready);
    },
    /** The estimator lost its learners (its thread died): every site warms up again on next use. */
    forget(): void {
      warmUps.clear();
      held.clear();
    },
  };
}
