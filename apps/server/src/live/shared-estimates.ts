import { isOpenAt } from '@walkup/domain';
import type { ExclusiveJob } from '../cluster/exclusive-jobs.ts';
import { createNoticeListener } from '../cluster/notice-listener.ts';
import type { Db } from '../db/connection.ts';
import { findPublishedEstimates, listPublishedEstimateVersions, savePublishedEstimates } from '../queries/published-estimates.ts';
import { listSites } from '../queries/sites.ts';
import type { SiteSetupCache } from '../queries/site-setup-cache.ts';
import type { EstimateService, SiteEstimates } from './estimate-service.ts';

type Logger = { info: (...args: any[]) => void; warn: (...args: any[]) => void };

/** The channel the published_estimates trigger notifies (migration 2026-12-01T0501). */
export const estimatesChannel = 'walkup_estimates';

/** `site:version` (site ids never contain a colon). */
export function parseEstimatesNotice(payload: string): { siteId: string; version: number } | null {
  const match = /^(.+):(\d+)$/.exec(payload);
  return match ? { siteId: match[1]!, version: Number(match[2]) } : null;
}

export interface SharedEstimatesDeps {
  db: Db;
  url: string;
  setups: SiteSetupCache;
  now: () => Date;
  logger: Logger;
  /** Starts this instance's estimator (thread, learners, pacing) when it takes the 'estimator' job. */
  startComputing: () => EstimateService;
}

/**
 * The estimates of an instance sharing PostgreSQL with others. Exactly one instance computes them:
 * the holder of the exclusive job 'estimator', which writes each site's latest estimates to
 * published_estimates. Every instance (the holder too) serves the published figures, learns of new
 * ones by a notification and reads the row, so every screen on every instance shows the same
 * numbers. When the holder dies its lock goes, another instance starts the estimator within a
 * second or two and publishes from where the log stands; screens keep the last figures meanwhile.
 */
export function createSharedEstimates(deps: SharedEstimatesDeps): EstimateService & { start(): Promise<void>; job: ExclusiveJob } {
  const latest = new Map<string, { version: number; estimates: SiteEstimates }>();
  const listeners: Array<(siteId: string, estimates: SiteEstimates) => void> = [];
  let computing: EstimateService | null = null;

  /** Keeps and announces estimates newer than this instance's copy; older or repeated versions are dropped. */
  function accept(siteId: string, version: number, estimates: SiteEstimates): void {
    const known = latest.get(siteId);
    if (known && known.version >= version) return;
    latest.set(siteId, { version, estimates });
    for (const listener of listeners) listener(siteId, estimates);
  }

  async function readPublished(siteId: string): Promise<void> {
    const row = await findPublishedEstimates(deps.db, siteId);
    if (row) accept(siteId, row.version, row.estimates);
  }

  async function publish(siteId: string, estimates: SiteEstimates): Promise<void> {
    try {
      const version = await savePublishedEstimates(deps.db, siteId, estimates, deps.now());
      accept(siteId, version, estimates);
    } catch (err) {
      deps.logger.warn({ err, siteId }, 'could not publish the estimates; the next recompute tries again');
    }
  }

  async function allSiteIds(): Promise<string[]> {
    return (await listSites(deps.db)).map((site) => site.id);
  }

  /** Before any estimate is published for a site (a first holder still starting): no waits yet. */
  async function nothingYet(siteId: string): Promise<SiteEstimates> {
    const { site } = await deps.setups.get(deps.db, siteId);
    return { seq: 0, queues: {}, visits: {}, open: isOpenAt(site.openingHours, deps.now(), site.timeZone) };
  }

  async function published(siteId: string): Promise<SiteEstimates> {
    if (!latest.has(siteId)) await readPublished(siteId);
    return latest.get(siteId)?.estimates ?? nothingYet(siteId);
  }

  async function rereadAll(): Promise<void> {
    for (const { siteId, version } of await listPublishedEstimateVersions(deps.db)) {
      if ((latest.get(siteId)?.version ?? 0) < version) await readPublished(siteId);
    }
  }

  function onNotice(payload: string | undefined): void {
    const notice = payload ? parseEstimatesNotice(payload) : null;
    if (!notice || (latest.get(notice.siteId)?.version ?? 0) >= notice.version) return;
    readPublished(notice.siteId).catch((err: unknown) => deps.logger.warn({ err }, 'reading published estimates failed; the safety re-read tries again'));
  }

  const listener = createNoticeListener({ url: deps.url, channel: estimatesChannel, logger: deps.logger, onNotice, reread: rereadAll });

  function startJob(): void {
    const service = deps.startComputing();
    computing = service;
    service.onUpdate((siteId, estimates) => void publish(siteId, estimates));
    // Every site gets figures now, not at its next event: screens on every instance read them.
    void allSiteIds()
      .then((siteIds) => service.refreshAll(siteIds))
      .catch((err: unknown) => deps.logger.warn({ err }, 'first estimates after taking the estimator failed; the periodic refresh retries'));
  }

  async function stopJob(): Promise<void> {
    const service = computing;
    computing = null;
    await service?.close();
  }

  return {
    start: () => listener.start(),
    /** Run through `jobs.runExclusively('estimator', ...)`: the instance holding it computes and publishes. */
    job: { start: startJob, stop: stopJob },
    async forView(view) {
      // The holder may compute for exactly this state; the others serve the figures published last.
      if (computing) return computing.forView(view);
      return published(view.siteId);
    },
    async forNewcomer(view, newcomer) {
      // Only the holder runs the estimator; elsewhere a newcomer is told the queue's published figure.
      if (computing) return computing.forNewcomer(view, newcomer);
      return (await published(view.siteId)).queues[newcomer.queueId] ?? null;
    },
    async current(siteId) {
      if (computing) {
        // What its screens were sent: the published figures once there are some.
        const own = latest.get(siteId);
        return own ? own.estimates : computing.current(siteId);
      }
      return published(siteId);
    },
    onUpdate(listener) {
      listeners.push(listener);
    },
    async refreshAll() {
      // Screens of every instance show the holder's figures: it refreshes every site, not only its own screens'.
      if (computing) await computing.refreshAll(await allSiteIds());
    },
    async close() {
      await stopJob();
      await listener.close();
    },
  };
}
