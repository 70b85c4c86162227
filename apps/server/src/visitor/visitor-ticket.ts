import { currentBroadcast, isCallableNow, positionInQueue, type SiteView } from '@walkup/domain';
import type { EstimatesPayload, VisitorTicket } from '@walkup/protocol';
import type { SiteSetup } from '../queries/sites.ts';
import type { VisitorSettings } from './visitor-settings.ts';

/**
 * One visit as its visitor may see it, from the site's live view: the ticket, its queue, place,
 * estimate and desk. Nothing about other people leaves here but the count ahead (the position).
 * Null when the visit is no longer active in the view.
 */
export interface VisitorTicketSources {
  view: SiteView;
  estimates: EstimatesPayload | null;
  setup: SiteSetup;
  settings: VisitorSettings;
  nowMs: number;
}

export function buildVisitorTicket({ view, estimates, setup, settings, nowMs }: VisitorTicketSources, visitId: string): VisitorTicket | null {
  const visit = view.visits.find((v) => v.id === visitId);
  if (!visit || (visit.state !== 'waiting' && visit.state !== 'called' && visit.state !== 'in_service')) return null;
  const queue = setup.queues.find((q) => q.id === visit.queueId);
  const desk = visit.deskId ? (setup.desks.find((d) => d.id === visit.deskId) ?? { id: visit.deskId, name: visit.deskId }) : null;
  return {
    siteName: setup.site.name,
    ticketNumber: visit.ticketNumber,
    queue: { id: visit.queueId, name: queue?.name ?? { en: visit.queueId } },
    state: visit.state,
    position: positionInQueue(view, visitId),
    estimate: visit.state === 'waiting' ? (estimates?.visits[visitId] ?? null) : null,
    nobodyServing: visit.state === 'waiting' ? (estimates?.nobodyServing?.[visit.queueId] ?? null) : null,
    timeZone: setup.site.timeZone,
    desk: visit.state === 'waiting' ? null : desk,
    calledAt: visit.calledAt,
    // Once the extra time is over the visitor is simply back in line: no "away" left to show.
    awayUntil: visit.state === 'waiting' && !isCallableNow(visit, nowMs) ? (visit.awayUntil ?? null) : null,
    onTheWay: visit.onTheWay === true,
    stepAwayLeftMinutes: Math.max(0, settings.stepAwayLimitMinutes - (visit.awayMinutes ?? 0)),
    broadcast: broadcastOf(view, nowMs),
  };
}

/** The site's message while it lasts: the same for everyone waiting, nothing personal. */
function broadcastOf(view: SiteView, nowMs: number): VisitorTicket['broadcast'] {
  const broadcast = currentBroadcast(view.broadcast, nowMs);
  return broadcast ? { message: broadcast.message, expiresAt: broadcast.expiresAt } : null;
}
