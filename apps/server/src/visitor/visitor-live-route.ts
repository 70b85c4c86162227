import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { DomainError, isActive, type VisitState } from '@walkup/domain';
import type { VisitorServerMessage, VisitorVisitEnded } from '@walkup/protocol';
import type { Db } from '../db/connection.ts';
import { anyone } from '../routes/route-roles.ts';
import { findVisitRow } from '../queries/visits.ts';
import { resolveActiveVisitorToken } from './visitor-access.ts';
import { visitEndedCloseCode, type VisitorFollower, type VisitorHub } from './visitor-hub.ts';
import { parseVisitorMessage } from './visitor-messages.ts';
import { startHeartbeat } from '../live/socket-helpers.ts';

/** A page that never says which visit it follows is closed after this long. */
const followWithinMs = 10_000;
/** Dead connections (a phone that walked out of coverage) are found by missed pings. */
const heartbeatMs = 30_000;

function send(socket: WebSocket, message: VisitorServerMessage): void {
  socket.send(JSON.stringify(message));
}

/** The visit ended between the token check and joining the channel: say how, then close. */
async function sendEnding(db: Db, socket: WebSocket, visitId: string): Promise<void> {
  const row = await findVisitRow(db, visitId);
  const state = row.state as VisitState;
  if (!isActive(state)) {
    const outcome = state as VisitorVisitEnded['outcome'];
    send(socket, { type: 'ended', outcome, feedbackOpen: outcome === 'resolved' });
  }
  socket.close(visitEndedCloseCode, 'visit ended');
}

/**
 * The phone page's socket. It needs no account: the visit token, sent in the first message (never
 * in the URL, which proxies log), opens exactly one visit, and only while that visit is active.
 */
export async function visitorLiveRoute(app: FastifyInstance, deps: { db: Db; hub: VisitorHub }): Promise<void> {
  app.get('/api/visitor/live', { websocket: true, config: { roles: anyone }, schema: { hide: true } }, (socket) => {
    let follower: VisitorFollower | null = null;
    const unfollowed = setTimeout(() => socket.close(4001, 'no follow message'), followWithinMs);
    const stopHeartbeat = startHeartbeat(socket, heartbeatMs);

    async function follow(token: string): Promise<void> {
      if (follower) return send(socket, { type: 'error', code: 'already_following', message: 'this socket already follows a visit' });
      try {
        const link = await resolveActiveVisitorToken(deps.db, token);
        clearTimeout(unfollowed);
        if (socket.readyState !== socket.OPEN) return;
        follower = { socket, siteId: link.siteId, visitId: link.visitId, linkId: link.linkId, lastText: null };
        if (!(await deps.hub.add(follower))) await sendEnding(deps.db, socket, link.visitId);
      } catch (error) {
        const known = error instanceof DomainError;
        send(socket, { type: 'error', code: known ? error.code : 'follow_failed', message: known ? error.message : 'could not follow this visit' });
        socket.close(known && error.kind === 'gone' ? visitEndedCloseCode : 4004, known ? error.code : 'follow failed');
      }
    }

    socket.on('message', (raw) => {
      const parsed = parseVisitorMessage(raw.toString());
      if (!parsed.ok) return send(socket, { type: 'error', code: 'bad_message', message: parsed.reason });
      if (parsed.message.type === 'ping') return send(socket, { type: 'pong', at: parsed.message.at });
      void follow(parsed.message.token);
    });
    socket.on('close', () => {
      clearTimeout(unfollowed);
      stopHeartbeat();
      if (follower) deps.hub.remove(follower);
    });
  });
}
