import type { VisitorClientMessage, VisitorServerMessage } from '@walkup/protocol';
import { reconnectDelayMs, type BackoffOptions } from './backoff.ts';
import { defaultSocketUrl, parseTypedMessage, type SocketFactory, type SocketLike } from './site-connection.ts';

/** Close codes after which reconnecting cannot help: the visit ended, the link was revoked or is unknown. */
export const visitorFinalCloseCodes = [4004, 4010, 4011] as const;

export interface VisitorConnectionOptions {
  token: string;
  onMessage: (message: VisitorServerMessage) => void;
  onConnectedChange?: (connected: boolean) => void;
  /** Defaults to /api/visitor/live on the page's own origin. */
  url?: string;
  createSocket?: SocketFactory;
  backoff?: BackoffOptions;
  pingIntervalMs?: number;
}

/**
 * A phone page's socket to its own visit. Phones sleep, change networks and walk through dead
 * spots, so every drop heals by itself, except when the server says the visit is over.
 */
export function createVisitorConnection(options: VisitorConnectionOptions): { close(): void } {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const url = options.url ?? defaultSocketUrl(globalThis.location, '/api/visitor/live');
  const pingIntervalMs = options.pingIntervalMs ?? 20_000;
  let attempt = 0;
  let closed = false;
  let socket: SocketLike | null = null;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;

  const send = (current: SocketLike, message: VisitorClientMessage) => current.send(JSON.stringify(message));

  function open() {
    if (closed) return;
    const current = createSocket(url);
    socket = current;
    current.onopen = () => {
      attempt = 0;
      options.onConnectedChange?.(true);
      send(current, { type: 'follow', token: options.token });
      pingTimer = setInterval(() => send(current, { type: 'ping', at: Date.now() }), pingIntervalMs);
    };
    current.onmessage = (event) => {
      const message = parseTypedMessage<VisitorServerMessage>(event.data);
      if (message) options.onMessage(message);
    };
    current.onerror = () => {};
    current.onclose = (event) => {
      clearInterval(pingTimer);
      options.onConnectedChange?.(false);
      const code = (event as { code?: number } | null)?.code ?? 0;
      if (closed || (visitorFinalCloseCodes as readonly number[]).includes(code)) return;
      reconnectTimer = setTimeout(open, reconnectDelayMs(attempt++, options.backoff));
    };
  }
  open();

  return {
    close() {
      closed = true;
      clearTimeout(reconnectTimer);
      clearInterval(pingTimer);
      socket?.close(1000, 'page closed');
    },
  };
}
