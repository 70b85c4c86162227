import type { Db } from '../db/connection.ts';
import type { CommitRunner } from '../db/transaction-runner.ts';
import type { EventBus } from '../live/event-bus.ts';
import type { EstimateService } from '../live/estimate-service.ts';
import type { LiveSiteViews } from '../live/live-site-views.ts';
import type { SiteSetupCache } from '../queries/site-setup-cache.ts';

/** What every use case receives: the database, the bus that announces commits, a clock. */
export interface UseCaseDeps {
  db: Db;
  bus: EventBus;
  now: () => Date;
  estimates: EstimateService;
  setups: SiteSetupCache;
  /** Each site's current state, kept from the event log. */
  views: LiveSiteViews;
  /** Runs each change in a transaction (on SQLite, shares transactions and fsyncs between changes that arrive together). */
  commits: CommitRunner;
}
