import type { ClientMessage, ServerMessage, ViewKind } from '@walkup/protocol';
import { reconnectDelayMs, type BackoffOptions } from './backoff.ts';

/** The part of the browser WebSocket we use, so tests can pass a fake. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type SocketFactory = (url: string) => SocketLike;

export interface SiteConnectionOptions {
  siteId: string;
  view: ViewKind;
  /** The last seq applied, read at every (re)subscribe so the server sends only what was missed. */
  sinceSeq: () => number | undefined;
  onMessage: (message: ServerMessage) => void;
  onConnectedChange?: (connected: boolean) => void;
  /** Defaults to /ws on the page's own origin. */
  url?: string;
  /** Device token: browsers cannot set headers on a websocket, so it travels in the query. */
  token?: string | null;
  createSocket?: SocketFactory;
  backoff?: BackoffOptions;
  pingIntervalMs?: number;
  /** The server closed with 4401: the credential was revoked or expired; reconnecting cannot help. */
  onUnauthorized?: () => void;
}

/** Close code the server uses when a device is revoked or a session ends. */
export const unauthorizedCloseCode = 4401;

export interface SiteConnection {
  /** Sends a fresh subscribe; used when the client notices a gap in the event sequence. */
  resubscribe(): void;
  close(): void;
}

const openState = 1;

export function defaultSocketUrl(location: Pick<Location, 'protocol' | 'host'> = globalThis.location, path = '/ws'): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;
}

/** A server message of any of our sockets: JSON with a string `type`, or null for anything else. */
export function parseTypedMessage<T extends { type: string }>(data: unknown): T | null {
  if (typeof data !== 'string') return null;
  try {
    const message = JSON.parse(data) as { type?: unknown };
    return typeof message === 'object' && message !== null && typeof message.type === 'string' ? (message as T) : null;
  } catch {
    return null;
  }
}

/**
 * A websocket to one site that never gives up: kiosks and wall displays run unattended for weeks,
 * so every drop (Wi-Fi, server deploy) must heal by itself.
 */
export function createSiteConnection(options: SiteConnectionOptions): SiteConnection {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const baseUrl = options.url ?? defaultSocketUrl();
  const url = options.token ? `${baseUrl}?token=${encodeURIComponent(options.token)}` : baseUrl;
  const pingIntervalMs = options.pingIntervalMs ?? 20_000;
  let socket: SocketLike | null = null;
  let attempt = 0;
  let closed = false;
  let connected = false;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  // A server saying goodbye before a deploy knows when it will be back; better than our guess.
  let serverRequestedDelayMs: number | null = null;

  const send = (message: ClientMessage) => {
    if (socket?.readyState === openState) socket.send(JSON.stringify(message));
  };

  const subscribe = () => {
    const sinceSeq = options.sinceSeq();
    send({ type: 'subscribe', siteId: options.siteId, view: options.view, ...(sinceSeq === undefined ? {} : { sinceSeq }) });
  };

  const setConnected = (value: boolean) => {
    if (connected === value) return;
    connected = value;
    options.onConnectedChange?.(value);
  };

  const scheduleReconnect = () => {
    if (closed) return;
    const delay = serverRequestedDelayMs ?? reconnectDelayMs(attempt, options.backoff);
    serverRequestedDelayMs = null;
    attempt += 1;
    reconnectTimer = setTimeout(open, delay);
  };

  function open() {
    if (closed) return;
    const current = createSocket(url);
    socket = current;
    current.onopen = () => {
      attempt = 0;
      setConnected(true);
      subscribe();
      pingTimer = setInterval(() => send({ type: 'ping', at: Date.now() }), pingIntervalMs);
    };
    current.onmessage = (event) => {
      const message = parseTypedMessage<ServerMessage>(event.data);
      if (!message) return;
      options.onMessage(message);
      if (message.type === 'bye') {
        serverRequestedDelayMs = Math.max(0, message.reconnectAfterMs);
        // Do not wait for the server to hang up: it may be too busy shutting down to do it promptly.
        current.close(1000, 'server said bye');
      }
    };
    current.onerror = () => {
      // Browsers always follow an error with close; reconnecting happens there, once.
    };
    current.onclose = (event) => {
      if (socket !== current) return;
      socket = null;
      clearInterval(pingTimer);
      setConnected(false);
      if ((event as { code?: number } | null)?.code === unauthorizedCloseCode) {
        closed = true;
        options.onUnauthorized?.();
        return;
      }
      scheduleReconnect();
    };
  }

  open();

  return {
    resubscribe: subscribe,
    close() {
      closed = true;
      clearTimeout(reconnectTimer);
      clearInterval(pingTimer);
      const current = socket;
      socket = null;
      current?.close(1000, 'client closing');
      setConnected(false);
    },
  };
}
