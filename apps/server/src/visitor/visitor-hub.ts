import { visitEndingEvents, type SiteEventType } from '@walkup/domain';
import type { VisitorServerMessage, VisitorVisitEnded } from '@walkup/protocol';
import type { Db } from '../db/connection.ts';
import type { EventBus } from '../live/event-bus.ts';
import type { EstimateService } from '../live/estimate-service.ts';
import type { LiveSocket } from '../live/hub.ts';
import type { LiveSiteViews } from '../live/live-site-views.ts';
import type { SiteSetupCache } from '../queries/site-setup-cache.ts';
import { findVisitorSettings } from './visitor-settings.ts';
import { buildVisitorTicket, type VisitorTicketSources } from './visitor-ticket.ts';

/** One phone page following one visit. */
export interface VisitorFollower {
  socket: LiveSocket;
  siteId: string;
  visitId: string;
  linkId: string;
  /** The last text sent, so an event that changes nothing for this visitor sends nothing. */
  lastText: string | null;
}

/** Closed after the visit ended: the page shows the outcome (and the feedback faces) and stops. */
export const visitEndedCloseCode = 4010;
/** Closed because the link was revoked: the page says so. */
export const linkRevokedCloseCode = 4011;

const endings = new Set<SiteEventType>(visitEndingEvents);

/**
 * The visitor channel: each follower gets only its own visit's ticket, recomputed from the site's
 * live view after every event and every estimate update of that site. Unlike site channels, every
 * message is personal, so it is built per follower; a site has a handful of phones following, not
 * thousands of screens.
 */
export function createVisitorHub(deps: { db: Db; bus: EventBus; estimates: EstimateService; views: LiveSiteViews; setups: SiteSetupCache; now: () => Date }) {
  const bySite = new Map<string, Set<VisitorFollower>>();

  function send(follower: VisitorFollower, message: VisitorServerMessage): void {
    follower.socket.send(JSON.stringify(message));
  }

  function remove(follower: VisitorFollower): void {
    const members = bySite.get(follower.siteId);
    members?.delete(follower);
    if (members?.size === 0) bySite.delete(follower.siteId);
  }

  /** Sends each follower of a site its ticket if it changed. */
  async function refreshSite(siteId: string): Promise<void> {
    const members = bySite.get(siteId);
    if (!members?.size) return;
    const view = await deps.views.view(siteId);
    const sources = await sourcesFor(view, deps.estimates.current(siteId));
    for (const follower of members) refreshFollower(follower, buildVisitorTicket(sources, follower.visitId));
  }

  /** Everything a ticket is built from; `estimates` is either the latest or those made for this very view. */
  async function sourcesFor(view: VisitorTicketSources['view'], estimates: Promise<VisitorTicketSources['estimates']>): Promise<VisitorTicketSources> {
    const [resolved, setup, settings] = await Promise.all([estimates, deps.setups.get(deps.db, view.siteId), findVisitorSettings(deps.db, view.siteId)]);
    return { view, estimates: resolved, setup, settings, nowMs: deps.now().getTime() };
  }

  function refreshFollower(follower: VisitorFollower, ticket: ReturnType<typeof buildVisitorTicket>): void {
    if (!ticket) return;
    const text = JSON.stringify({ type: 'ticket', ticket } satisfies VisitorServerMessage);
    if (text === follower.lastText) return;
    follower.lastText = text;
    follower.socket.send(text);
  }

  function endVisit(siteId: string, visitId: string, ended: VisitorVisitEnded): void {
    for (const follower of [...(bySite.get(siteId) ?? [])]) {
      if (follower.visitId !== visitId) continue;
      send(follower, { type: 'ended', ...ended });
      remove(follower);
      follower.socket.close(visitEndedCloseCode, 'visit ended');
    }
  }

  const refreshFailed = (error: unknown) => void error;

  deps.bus.subscribe((events) => {
    const sites = new Set<string>();
    for (const event of events) {
      if (!bySite.has(event.siteId)) continue;
      if (endings.has(event.type) && event.visitId) {
        const outcome = event.type.slice('visit.'.length) as VisitorVisitEnded['outcome'];
        endVisit(event.siteId, event.visitId, { outcome, feedbackOpen: outcome === 'resolved' });
      }
      sites.add(event.siteId);
    }
    for (const siteId of sites) void refreshSite(siteId).catch(refreshFailed);
  });
  deps.estimates.onUpdate((siteId) => void refreshSite(siteId).catch(refreshFailed));

  return {
    /** Starts following and sends the current ticket at once; false when the visit is no longer in the view. */
    async add(follower: VisitorFollower): Promise<boolean> {
      const members = bySite.get(follower.siteId) ?? new Set();
      members.add(follower);
      bySite.set(follower.siteId, members);
      const view = await deps.views.view(follower.siteId);
      const ticket = buildVisitorTicket(await sourcesFor(view, deps.estimates.forView(view)), follower.visitId);
      if (!ticket) remove(follower);
      refreshFollower(follower, ticket);
      return ticket !== null;
    },
    remove,
    sourcesFor,
    /** Sites with a phone following: their estimates are refreshed as time passes, like screens'. */
    siteIds(): string[] {
      return [...bySite.keys()];
    },
    /** Closes the pages opened with these (now revoked) links. */
    closeLinks(linkIds: readonly string[]): void {
      const revoked = new Set(linkIds);
      for (const members of [...bySite.values()]) {
        for (const follower of [...members]) {
          if (!revoked.has(follower.linkId)) continue;
          send(follower, { type: 'error', code: 'visitor_link_revoked', message: 'this link was revoked; ask at the desk for a new one' });
          remove(follower);
          follower.socket.close(linkRevokedCloseCode, 'link revoked');
        }
      }
    },
    followerCount(): number {
      let total = 0;
      for (const members of bySite.values()) total += members.size;
      return total;
    },
  };
}

export type VisitorHub = ReturnType<typeof createVisitorHub>;
