import type { ClientMessageMap, ServerMessage } from '@walkup/protocol';
import { DomainError } from '@walkup/domain';
import { canSeeSite, type Principal } from '../auth/principal.ts';
import { listSiteEventsAfter } from '../queries/events.ts';
import { loadSiteSnapshot, redactEventForPublic, type Audience } from '../use-cases/site-view.ts';
import type { LiveSocket, Subscriber } from './hub.ts';
import type { LiveRouteDeps } from './ws-route.ts';
import { sendBounded } from './socket-limits.ts';

/** A client further behind than this gets a fresh snapshot instead of a long replay. */
const maxReplayEvents = 500;

/**
 * The events after `sinceSeq`, or null when the log cannot bring the client up to date: too far
 * behind, or holding a sequence the log does not (a client ahead of it, or an event since erased).
 * The event at `sinceSeq` itself is read too, to tell those apart from "nothing missed".
 */
async function missedEvents(deps: LiveRouteDeps, siteId: string, sinceSeq: number) {
  if (sinceSeq === 0) {
    const all = await listSiteEventsAfter(deps.db, siteId, 0, maxReplayEvents + 1);
    return all.length <= maxReplayEvents ? all : null;
  }
  const [held, ...missed] = await listSiteEventsAfter(deps.db, siteId, sinceSeq - 1, maxReplayEvents + 2);
  return held?.seq === sinceSeq && missed.length <= maxReplayEvents ? missed : null;
}

/**
 * What brings a subscriber up to date: the missed events and the current estimates, or a snapshot.
 * Completeness is judged on the log alone: with several instances the published estimates may lag
 * the log by a notification, and that is no reason to send a whole snapshot (the next estimates
 * follow the events as they do live).
 */
async function catchUpMessages(deps: LiveRouteDeps, subscriber: Subscriber, sinceSeq: number | undefined): Promise<{ messages: ServerMessage[]; covered: number }> {
  const missed = sinceSeq === undefined ? null : await missedEvents(deps, subscriber.siteId, sinceSeq);
  if (missed && sinceSeq !== undefined) {
    const current = await deps.estimates.current(subscriber.siteId);
    const showNames = deps.showNamesFor(subscriber.siteId);
    const events: ServerMessage[] = missed.map((event) => ({ type: 'event', event: subscriber.audience === 'public' ? redactEventForPublic(event, showNames) : event }));
    return { messages: [...events, { type: 'estimates', ...current }], covered: missed.at(-1)?.seq ?? sinceSeq };
  }
  const snapshot = await loadSiteSnapshot(deps, subscriber.siteId, subscriber.audience);
  return { messages: [{ type: 'snapshot', view: snapshot.view, estimates: snapshot.estimates }], covered: snapshot.view.seq };
}

/**
 * The one subscription of one socket. A new subscribe replaces the previous one at once (it leaves
 * the hub before the new one joins), so overlapping subscribes can never leave a second subscriber
 * behind; a catch-up overtaken by a newer subscribe or by the socket closing sends nothing.
 */
export function createSocketSubscription(deps: LiveRouteDeps, socket: LiveSocket, principal: Principal) {
  let active: Subscriber | null = null;
  let ended = false;
  const send = (message: ServerMessage) => sendBounded(socket, JSON.stringify(message));

  function leave(): void {
    if (active) deps.hub.remove(active);
    active = null;
  }

  return {
    async subscribe(request: ClientMessageMap['subscribe']): Promise<void> {
      if (ended) return;
      if (!canSeeSite(principal, request.siteId)) {
        send({ type: 'error', code: 'other_site', message: `this ${principal.kind === 'device' ? 'device' : 'account'} may not follow site '${request.siteId}'` });
        return;
      }
      leave();
      // Names and notes go to signed-in staff on the console view only; kiosks and displays never get them,
      // whatever view they ask for.
      const staffRole = principal.role === 'technician' || principal.role === 'admin';
      const audience: Audience = staffRole && request.view === 'console' ? 'staff' : 'public';
      const subscriber: Subscriber = { socket, siteId: request.siteId, audience, pending: [] };
      // Join the channel first and hold live messages, so nothing committed during catch-up is lost.
      deps.hub.add(subscriber);
      active = subscriber;
      const current = () => active === subscriber && !ended;
      try {
        const { messages, covered } = await catchUpMessages(deps, subscriber, request.sinceSeq);
        if (!current()) return;
        for (const message of messages) if (!send(message)) return leave();
        deps.hub.flush(subscriber, covered);
      } catch (error) {
        if (!current()) return;
        leave();
        const message = error instanceof DomainError ? error.message : 'could not subscribe';
        send({ type: 'error', code: error instanceof DomainError ? error.code : 'subscribe_failed', message });
      }
    },
    /** The socket closed: nothing of it stays in the hub. */
    end(): void {
      ended = true;
      leave();
    },
  };
}
