import { WaitLearner, utcOffsetMinutes, type SiteEvent } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import { listSiteEventsSince } from '../queries/events.ts';
import type { SiteSetup } from '../queries/sites.ts';

/** Learning looks back this far: long enough to know each category, short enough to be current. */
const historyDays = 14;

interface SiteLearner {
  learner: WaitLearner;
  lastSeq: number;
}

/**
 * One WaitLearner per site, warmed from the site's recent event log and then fed every committed
 * event in order: the same learning code the replay benchmark scores.
 */
export function createSiteLearners(deps: { db: Db; now: () => Date }) {
  const learners = new Map<string, Promise<SiteLearner>>();

  async function warmUp(db: Db, setup: SiteSetup): Promise<SiteLearner> {
    const configured = new Map(setup.categories.map((c) => [c.id, c.expectedServiceSeconds]));
    const queueConfigured = new Map(
      setup.queues.map((q) => {
        const choices = setup.categories.filter((c) => c.queueId === q.id);
        const mean = choices.length ? choices.reduce((sum, c) => sum + c.expectedServiceSeconds, 0) / choices.length : 600;
        return [q.id, mean];
      }),
    );
    const queuesOf = new Map(setup.technicians.map((t) => [t.id, t.queueIds]));
    const learner = new WaitLearner({
      configuredServiceSeconds: (categoryId) => configured.get(categoryId) ?? 600,
      configuredQueueServiceSeconds: (queueId) => queueConfigured.get(queueId) ?? 600,
      configuredQueues: (technicianId) => queuesOf.get(technicianId),
      utcOffsetMinutes: utcOffsetMinutes(setup.site.timeZone, deps.now()),
    });
    const since = new Date(deps.now().getTime() - historyDays * 86_400_000).toISOString();
    let lastSeq = 0;
    for (const event of await listSiteEventsSince(db, setup.site.id, since)) {
      learner.observe(event);
      lastSeq = event.seq;
    }
    return { learner, lastSeq };
  }

  return {
    /** The site's learner, warming it up on first use (reading through `db`, possibly a transaction). */
    async forSite(db: Db, setup: SiteSetup): Promise<WaitLearner> {
      let entry = learners.get(setup.site.id);
      if (!entry) {
        entry = warmUp(db, setup);
        learners.set(setup.site.id, entry);
        entry.catch(() => learners.delete(setup.site.id));
      }
      return (await entry).learner;
    },
    /** Feeds committed events; events the warm-up already read are skipped by sequence number. */
    async observe(events: readonly SiteEvent[]): Promise<void> {
      for (const event of events) {
        const entry = learners.get(event.siteId);
        if (!entry) continue;
        const site = await entry;
        if (event.seq <= site.lastSeq) continue;
        site.learner.observe(event);
        site.lastSeq = event.seq;
      }
    },
  };
}
