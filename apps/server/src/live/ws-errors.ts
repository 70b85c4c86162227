import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';

/** Errors a client causes: malformed frames (ws's WS_ERR_* codes) and connections cut mid-write. */
const clientCausedCodes = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ETIMEDOUT']);

function isClientCaused(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('WS_ERR_') || clientCausedCodes.has(code));
}

const alreadyLogged = new WeakSet<WebSocket>();

/**
 * Replaces @fastify/websocket's default handler, which logged every bad frame at error level with a
 * stack (a fuzzer made a hundred of them). A client's broken frame or vanished connection is its
 * problem, not the server's: one debug line per connection, without a stack. Anything else is a
 * server fault and keeps its error level and stack.
 */
export function websocketErrorHandler(error: Error, socket: WebSocket, request: FastifyRequest): void {
  if (isClientCaused(error)) {
    if (!alreadyLogged.has(socket)) {
      alreadyLogged.add(socket);
      request.log.debug({ code: (error as { code?: string }).code, reason: error.message }, 'websocket dropped: the client sent a bad frame or went away');
    }
  } else {
    request.log.error({ err: error }, 'websocket handler failed');
  }
  socket.terminate();
}
