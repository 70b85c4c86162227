import type { FastifyInstance } from 'fastify';
import type { ClientMessage, ServerMessage } from '@walkup/protocol';
import type { Caller } from './auth.ts';

/**
 * A websocket test client that collects server messages and waits for the ones a test expects.
 * Devices authenticate with ?token= in the URL, signed-in users with their session cookie.
 */
export async function connectLive(app: FastifyInstance, caller: Caller) {
  const { authorization: _bearer, ...headers } = caller.headers;
  const socket = await app.injectWS(caller.wsPath, { headers });
  let closed: { code: number; reason: string } | null = null;
  socket.on('close', (code, reason) => (closed = { code, reason: reason.toString() }));
  const received: ServerMessage[] = [];
  const waiters: Array<() => void> = [];
  socket.on('message', (data) => {
    received.push(JSON.parse(data.toString()));
    for (const wake of waiters.splice(0)) wake();
  });
  return {
    received,
    /** The close code and reason once the server closed the socket. */
    closed: () => closed,
    send(message: ClientMessage | Record<string, unknown>) {
      socket.send(JSON.stringify(message));
    },
    async waitFor(predicate: (m: ServerMessage) => boolean, timeoutMs = 3000): Promise<ServerMessage> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching message; got ${JSON.stringify(received.map((m) => m.type))}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    close() {
      socket.terminate();
    },
    /** The byte stream under the websocket, to send frames no well-behaved client would. */
    raw(): { write(bytes: Buffer): void } {
      return (socket as unknown as { _socket: { write(bytes: Buffer): void } })._socket;
    },
  };
}
