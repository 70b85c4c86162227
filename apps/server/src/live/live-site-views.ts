import { applyEventToView, type SiteEvent, type SiteView } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import { readSiteView } from '../queries/site-view-rows.ts';
import type { EventBus } from './event-bus.ts';

/**
 * The current state of each site, kept in memory from the event log: read once from the database,
 * then moved forward by every committed event with the same reducer the screens use. Estimates,
 * check-in positions and websocket snapshots read it instead of querying the active visits again
 * after every event (they did, and under load that was a tenth of the server's time).
 *
 * Views are the staff audience's; public screens get `publicSiteView` of them. One process owns the
 * writes (the group committer), so its bus sees every commit; several instances on PostgreSQL would
 * have to feed this from the shared log instead.
 */
export function createLiveSiteViews(deps: { db: Db; bus: EventBus }) {
  const views = new Map<string, SiteView>();
  /** Reads in flight, with the events committed meanwhile (applied after the read, by sequence). */
  const loads = new Map<string, { done: Promise<SiteView>; held: SiteEvent[] }>();

  deps.bus.subscribe((events) => {
    for (const event of events) {
      const view = views.get(event.siteId);
      if (view) views.set(event.siteId, applyEventToView(view, event));
      else loads.get(event.siteId)?.held.push(event);
    }
  });

  function load(siteId: string): Promise<SiteView> {
    const held: SiteEvent[] = [];
    const done = readSiteView(deps.db, siteId).then(
      (read) => {
        // A `forget` during the read makes this result stale: the next use reads again.
        if (loads.get(siteId)?.done !== done) return read;
        loads.delete(siteId);
        // Events already in the read are skipped by sequence number.
        const view = held.reduce(applyEventToView, read);
        views.set(siteId, view);
        return view;
      },
      (error: unknown) => {
        if (loads.get(siteId)?.done === done) loads.delete(siteId);
        throw error;
      },
    );
    loads.set(siteId, { done, held });
    return done;
  }

  return {
    /** The site's view as of the last committed event (an unknown site rejects with NotFoundError). */
    view(siteId: string): Promise<SiteView> {
      const view = views.get(siteId);
      if (view) return Promise.resolve(view);
      return loads.get(siteId)?.done ?? load(siteId);
    },
    /** Reads the site (or every site) from the database again on next use: after changes made without events. */
    forget(siteId?: string): void {
      if (siteId === undefined) {
        views.clear();
        loads.clear();
        return;
      }
      views.delete(siteId);
      loads.delete(siteId);
    },
  };
}

export type LiveSiteViews = ReturnType<typeof createLiveSiteViews>;
