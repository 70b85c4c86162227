import { publicSiteView, publicVisitorLabel, type SiteEvent, type SiteView } from '@walkup/domain';
import type { SiteEstimates } from '../live/estimate-service.ts';
import type { UseCaseDeps } from './deps.ts';

/** Who a view is for: staff see names and notes; public screens (wall displays, kiosks) never do. */
export type Audience = 'staff' | 'public';

/** The site as of its last committed event, with estimates made for that very state. */
export async function loadSiteSnapshot(
  deps: Pick<UseCaseDeps, 'views' | 'estimates' | 'setups' | 'db'>,
  siteId: string,
  audience: Audience,
): Promise<{ view: SiteView; estimates: SiteEstimates }> {
  const view = await deps.views.view(siteId);
  const estimates = await deps.estimates.forView(view);
  if (audience === 'staff') return { view, estimates };
  const setup = await deps.setups.get(deps.db, siteId);
  return { view: publicSiteView(view, setup.site.showNamesOnDisplay), estimates };
}

/**
 * The same event as staff see it, minus personal data: public screens get the ticket number and at
 * most "Marie D." when the site allows names on displays.
 */
export function redactEventForPublic(event: SiteEvent, showNames: boolean): SiteEvent {
  switch (event.type) {
    case 'visit.checked_in': {
      const label = publicVisitorLabel(event.data.visitor, showNames);
      return { ...event, data: { ...event.data, visitor: { kind: event.data.visitor.kind, ...(label ? { name: label } : {}) }, note: null } };
    }
    // Free text written by technicians may name people or problems: public screens get none of it.
    case 'visit.resolved':
      return { ...event, data: { ...event.data, note: '' } };
    case 'visit.escalated':
      return { ...event, data: { ...event.data, note: null } };
    case 'visit.transferred':
      return { ...event, data: { ...event.data, reason: null } };
    case 'visit.cancelled':
      return { ...event, data: { ...event.data, reason: null } };
    // A visitor's comment is theirs and the desk's, not the waiting room's.
    case 'visit.feedback_given':
      return { ...event, data: { ...event.data, comment: null } };
    case 'visit.itsm_synced':
      return { ...event, data: { state: event.data.state, ticketNumber: null, ticketUrl: null, error: null } };
    case 'site.config_changed':
      return { ...event, data: { ...event.data, by: '' } };
    default:
      return event;
  }
}
