import type { ManagerBoard } from '@walkup/domain';
import type { ServerMessage } from '@walkup/protocol';
import { reconnectDelayMs } from './backoff.ts';
import { defaultSocketUrl, type SocketFactory, type SocketLike } from './site-connection.ts';

export interface BoardConnectionOptions {
  /** Sites to watch; every site the account sees when omitted. */
  siteIds?: string[];
  onBoards: (boards: ManagerBoard[]) => void;
  onConnectedChange?: (connected: boolean) => void;
  onError?: (code: string, message: string) => void;
  url?: string;
  createSocket?: SocketFactory;
}

/**
 * The manager channel: a websocket that asks for the live boards and heals after every drop, like
 * the screens' site connection. The server pushes a board after changes and every few seconds.
 */
export function createBoardConnection(options: BoardConnectionOptions): { close(): void } {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  let socket: SocketLike | null = null;
  let attempt = 0;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const connect = () => {
    const current = createSocket(options.url ?? defaultSocketUrl());
    socket = current;
    current.onopen = () => {
      attempt = 0;
      options.onConnectedChange?.(true);
      current.send(JSON.stringify({ type: 'watch_board', ...(options.siteIds ? { siteIds: options.siteIds } : {}) }));
    };
    current.onmessage = ({ data }) => {
      if (typeof data !== 'string') return;
      const message = JSON.parse(data) as ServerMessage;
      if (message.type === 'board') options.onBoards(message.boards);
      else if (message.type === 'error') options.onError?.(message.code, message.message);
    };
    current.onerror = () => {};
    current.onclose = () => {
      options.onConnectedChange?.(false);
      if (closed || socket !== current) return;
      timer = setTimeout(connect, reconnectDelayMs(attempt++));
    };
  };
  connect();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      socket?.close();
    },
  };
}
