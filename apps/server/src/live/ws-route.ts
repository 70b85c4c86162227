import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { ClientMessageMap, ServerMessage } from '@walkup/protocol';
import { DomainError } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import { credentialRevokedCode, type LiveConnections } from '../auth/live-connections.ts';
import { canSeeSite, type Principal } from '../auth/principal.ts';
import { listSiteEventsAfter } from '../queries/events.ts';
import { loadSiteSnapshot, redactEventForPublic, type Audience } from '../use-cases/site-view.ts';
import type { EstimateService } from './estimate-service.ts';
import type { LiveHub, Subscriber } from './hub.ts';
import type { LiveSiteViews } from './live-site-views.ts';
import type { SiteSetupCache } from '../queries/site-setup-cache.ts';
import { parseClientMessage } from './client-messages.ts';

/** A client further behind than this gets a fresh snapshot instead of a long replay. */
const maxReplayEvents = 500;
/** Dead connections (vanished without a close) are found by missed pings within this interval. */
const heartbeatMs = 30_000;
/** The longest delay setTimeout honours. */
const maxTimerMs = 2_147_483_647;

export interface LiveRouteDeps {
  db: Db;
  hub: LiveHub;
  estimates: EstimateService;
  views: LiveSiteViews;
  setups: SiteSetupCache;
  showNamesFor: (siteId: string) => boolean;
  /** Sockets by credential, so revoking a device or signing out closes them at once. */
  connections: LiveConnections;
  now: () => Date;
}

function send(socket: WebSocket, message: ServerMessage): void {
  socket.send(JSON.stringify(message));
}

async function catchUp(deps: LiveRouteDeps, socket: WebSocket, subscriber: Subscriber, sinceSeq: number | undefined): Promise<number> {
  if (sinceSeq !== undefined) {
    const missed = await listSiteEventsAfter(deps.db, subscriber.siteId, sinceSeq, maxReplayEvents + 1);
    const current = await deps.estimates.current(subscriber.siteId);
    const complete = missed.length <= maxReplayEvents && (missed.at(-1)?.seq ?? sinceSeq) >= current.seq && sinceSeq <= current.seq;
    if (complete) {
      const showNames = deps.showNamesFor(subscriber.siteId);
      for (const event of missed) {
        send(socket, { type: 'event', event: subscriber.audience === 'public' ? redactEventForPublic(event, showNames) : event });
      }
      send(socket, { type: 'estimates', ...current });
      return missed.at(-1)?.seq ?? sinceSeq;
    }
  }
  const snapshot = await loadSiteSnapshot(deps, subscriber.siteId, subscriber.audience);
  send(socket, { type: 'snapshot', view: snapshot.view, estimates: snapshot.estimates });
  return snapshot.view.seq;
}

async function subscribe(deps: LiveRouteDeps, socket: WebSocket, request: ClientMessageMap['subscribe'], previous: Subscriber | null, principal: Principal) {
  if (!canSeeSite(principal, request.siteId)) {
    send(socket, { type: 'error', code: 'other_site', message: `this ${principal.kind === 'device' ? 'device' : 'account'} may not follow site '${request.siteId}'` });
    return previous;
  }
  if (previous) deps.hub.remove(previous);
  // Names and notes go to signed-in staff on the console view only; kiosks and displays never get them,
  // whatever view they ask for.
  const staffRole = principal.role === 'technician' || principal.role === 'admin';
  const audience: Audience = staffRole && request.view === 'console' ? 'staff' : 'public';
  const subscriber: Subscriber = { socket, siteId: request.siteId, audience, pending: [] };
  // Join the channel first and hold live messages, so nothing committed during catch-up is lost.
  deps.hub.add(subscriber);
  try {
    const covered = await catchUp(deps, socket, subscriber, request.sinceSeq);
    deps.hub.flush(subscriber, covered);
    return subscriber;
  } catch (error) {
    deps.hub.remove(subscriber);
    const message = error instanceof DomainError ? error.message : 'could not subscribe';
    send(socket, { type: 'error', code: error instanceof DomainError ? error.code : 'subscribe_failed', message });
    return null;
  }
}

export async function registerLiveRoute(app: FastifyInstance, deps: LiveRouteDeps): Promise<void> {
  app.get('/ws', { websocket: true, config: { roles: ['kiosk', 'display', 'technician', 'admin'] }, schema: { hide: true } }, (socket, request) => {
    // The upgrade happened only after the auth hooks accepted a device token or session.
    const principal = request.principal!;
    const release = deps.connections.add(principal, socket);
    // A session ends at its expiry even for a console left open: the socket must not outlive it.
    let sessionEnd: NodeJS.Timeout | undefined;
    const closeAtExpiry = (expiresAtMs: number) => {
      const left = expiresAtMs - deps.now().getTime();
      if (left <= 0) return socket.close(credentialRevokedCode, 'session expired');
      // setTimeout fires at once for delays past 2^31-1 ms (about 24.8 days): wait in steps.
      sessionEnd =
        left > maxTimerMs
          ? setTimeout(() => closeAtExpiry(expiresAtMs), maxTimerMs)
          : setTimeout(() => socket.close(credentialRevokedCode, 'session expired'), left);
      sessionEnd.unref();
    };
    if (principal.kind === 'user' && principal.expiresAt) closeAtExpiry(Date.parse(principal.expiresAt));
    let subscriber: Subscriber | null = null;
    let alive = true;
    socket.on('pong', () => (alive = true));
    const heartbeat = setInterval(() => {
      if (!alive) return socket.terminate();
      alive = false;
      socket.ping();
    }, heartbeatMs);
    socket.on('message', (raw) => {
      const parsed = parseClientMessage(raw.toString());
      if (!parsed.ok) return send(socket, { type: 'error', code: 'bad_message', message: parsed.reason });
      const message = parsed.message;
      if (message.type === 'ping') return send(socket, { type: 'pong', at: message.at });
      void subscribe(deps, socket, message, subscriber, principal).then((s) => (subscriber = s));
    });
    socket.on('close', () => {
      clearInterval(heartbeat);
      clearTimeout(sessionEnd);
      release();
      if (subscriber) deps.hub.remove(subscriber);
    });
  });
}
