import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { ServerMessage } from '@walkup/protocol';
import type { Db } from '../db/connection.ts';
import { credentialRevokedCode, type LiveConnections } from '../auth/live-connections.ts';
import type { EstimateService } from './estimate-service.ts';
import type { LiveHub } from './hub.ts';
import type { LiveSiteViews } from './live-site-views.ts';
import type { SiteSetupCache } from '../queries/site-setup-cache.ts';
import { parseClientMessage } from './client-messages.ts';
import { createSocketSubscription } from './socket-subscription.ts';
import { createTokenBucket, policyViolationCode, sendBounded, socketLimits } from './socket-limits.ts';
import { startHeartbeat } from './socket-helpers.ts';
import type { BoardWatcher, BoardWatchers } from '../manager/board-watchers.ts';
import { watchBoard } from '../manager/watch-board.ts';

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
  /** The manager channel (live boards). */
  boards?: BoardWatchers;
}

function send(socket: WebSocket, message: ServerMessage): void {
  sendBounded(socket, JSON.stringify(message));
}

export async function registerLiveRoute(app: FastifyInstance, deps: LiveRouteDeps): Promise<void> {
  app.get('/ws', { websocket: true, config: { roles: ['kiosk', 'display', 'technician', 'manager', 'site_admin', 'admin'] }, schema: { hide: true } }, (socket, request) => {
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
    const subscription = createSocketSubscription(deps, socket, principal);
    const messageBudget = createTokenBucket(socketLimits.messages);
    const subscribeBudget = createTokenBucket(socketLimits.subscribes);
    // A client over its budget is closed, once, and everything it still sends is ignored.
    const closeForPolicy = (reason: string) => {
      request.log.warn({ principal: principal.kind === 'device' ? `device:${principal.deviceId}` : `user:${principal.userId}`, reason }, 'websocket closed for abuse');
      subscription.end();
      socket.close(policyViolationCode, reason);
    };
    const stopHeartbeat = startHeartbeat(socket, heartbeatMs);
    let boardWatcher: BoardWatcher | null = null;
    socket.on('message', (raw) => {
      if (socket.readyState !== socket.OPEN) return;
      if (!messageBudget.take()) return closeForPolicy('too many messages');
      const parsed = parseClientMessage(raw.toString());
      if (!parsed.ok) return send(socket, { type: 'error', code: 'bad_message', message: parsed.reason });
      const message = parsed.message;
      if (message.type === 'ping') return send(socket, { type: 'pong', at: message.at });
      // Watching a board costs a board load, as a subscribe costs a snapshot: both share the budget.
      if (!subscribeBudget.take()) return closeForPolicy('too many subscribes');
      if (message.type === 'watch_board') {
        if (!deps.boards) return send(socket, { type: 'error', code: 'no_board', message: 'the manager board is not available' });
        return void watchBoard({ db: deps.db, boards: deps.boards }, socket, principal, message, boardWatcher).then((w) => (boardWatcher = w));
      }
      void subscription.subscribe(message);
    });
    socket.on('close', () => {
      stopHeartbeat();
      clearTimeout(sessionEnd);
      release();
      subscription.end();
      if (boardWatcher) deps.boards?.remove(boardWatcher);
    });
  });
}
