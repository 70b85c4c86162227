import type { ManagerBoard, NobodyServing, SiteEvent, SiteView, WaitEstimate } from '@walkup/domain';

/**
 * The one websocket protocol, shared by the server and every front end.
 * A client subscribes to a site; it receives a snapshot (the view at seq N) and then every event
 * after N in order, each followed by fresh estimates. On reconnect it sends the last seq it applied
 * and receives only what it missed, or a new snapshot when it is too far behind.
 */
export type ViewKind = 'display' | 'console' | 'kiosk';

export interface ClientMessageMap {
  subscribe: { siteId: string; view: ViewKind; sinceSeq?: number };
  ping: { at: number };
  /** Managers and admins: follow the live boards of these sites (every site they see when omitted). */
  watch_board: { siteIds?: string[] };
}

export interface EstimatesPayload {
  seq: number;
  queues: Record<string, WaitEstimate | null>;
  visits: Record<string, WaitEstimate | null>;
  /** Whether the site is open now (displays show a closed screen otherwise). */
  open: boolean;
  /** Queues nobody serves now (closed, or no technician available), with when someone is expected back. */
  nobodyServing?: Record<string, NobodyServing>;
}

export interface ServerMessageMap {
  snapshot: { view: SiteView; estimates: EstimatesPayload };
  event: { event: SiteEvent };
  estimates: EstimatesPayload;
  error: { code: string; message: string };
  pong: { at: number };
  /** Sent before a graceful shutdown so clients reconnect after a short pause instead of at once. */
  bye: { reconnectAfterMs: number };
  /** The manager channel: boards of the watched sites, after changes and as time passes. */
  board: { boards: ManagerBoard[] };
}

export type ClientMessage = { [K in keyof ClientMessageMap]: { type: K } & ClientMessageMap[K] }[keyof ClientMessageMap];
export type ServerMessage = { [K in keyof ServerMessageMap]: { type: K } & ServerMessageMap[K] }[keyof ServerMessageMap];

export type ServerMessageOf<K extends keyof ServerMessageMap> = Extract<ServerMessage, { type: K }>;
