import { buildManagerBoard, type ManagerBoard } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import type { EstimateService } from '../live/estimate-service.ts';
import type { LiveSiteViews } from '../live/live-site-views.ts';
import type { SiteSetupCache } from '../queries/site-setup-cache.ts';
import { readTargetWaitSeconds } from '../reports/report-queries.ts';
import { defaultTargetWaitSeconds, withReportTables } from '../reports/report-schema.ts';

export interface BoardDeps {
  db: Db;
  views: LiveSiteViews;
  estimates: EstimateService;
  setups: SiteSetupCache;
  now: () => Date;
}

/** A site's board now: its kept view, current estimates, who serves what, and the site's target. */
export async function loadManagerBoard(deps: BoardDeps, siteId: string): Promise<ManagerBoard> {
  const view = await deps.views.view(siteId);
  const [estimates, setup, target] = await Promise.all([deps.estimates.forView(view), deps.setups.get(deps.db, siteId), readTargetWaitSeconds(deps.db, siteId)]);
  return buildManagerBoard({
    view,
    queueEstimates: estimates.queues,
    technicianQueues: Object.fromEntries(setup.technicians.map((t) => [t.id, t.queueIds])),
    technicianNames: Object.fromEntries(setup.technicians.map((t) => [t.id, t.name])),
    targetWaitSeconds: target ?? defaultTargetWaitSeconds,
    noShowGraceSeconds: setup.site.noShowGraceSeconds,
    now: deps.now(),
  });
}

export async function saveTargetWaitSeconds(db: Db, siteId: string, seconds: number): Promise<void> {
  await withReportTables(db)
    .insertInto('site_service_targets')
    .values({ site_id: siteId, target_wait_seconds: seconds })
    .onConflict((oc) => oc.column('site_id').doUpdateSet({ target_wait_seconds: seconds }))
    .execute();
}
