import type { WebSocket } from 'ws';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';

/**
 * Pings a socket every `intervalMs` and ends it when the previous ping went unanswered: a client
 * that vanished without a close (a phone leaving coverage, a kiosk losing power) is found within two
 * intervals. Returns the stop function for the socket's close.
 */
export function startHeartbeat(socket: WebSocket, intervalMs: number): () => void {
  let alive = true;
  socket.on('pong', () => (alive = true));
  const timer = setInterval(() => {
    if (!alive) return socket.terminate();
    alive = false;
    socket.ping();
  }, intervalMs);
  return () => clearInterval(timer);
}

/**
 * A parser for one socket's client messages: size, JSON and schema checked, with a reason a client
 * developer can act on instead of an exception.
 */
export function createMessageParser<T>(schema: TSchema, maxLength: number) {
  const validator = Compile(schema);
  return (raw: string): { ok: true; message: T } | { ok: false; reason: string } => {
    if (raw.length > maxLength) return { ok: false, reason: 'message too large' };
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      return { ok: false, reason: 'message is not valid JSON' };
    }
    if (!validator.Check(data)) {
      const first = [...validator.Errors(data)][0];
      return { ok: false, reason: `invalid message${first ? `: ${first.instancePath || '/'} ${first.message}` : ''}` };
    }
    return { ok: true, message: data as T };
  };
}
