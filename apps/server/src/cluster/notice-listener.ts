import type pg from 'pg';
import { newPostgresClient } from '../db/postgres-connection.ts';

type Logger = { warn: (...args: any[]) => void };

/** A safety net only: notifications are the main path; this catches one lost with a dropped connection. */
const safetyRereadMs = 5_000;
const reconnectDelayMs = 1_000;

export interface NoticeListenerDeps {
  url: string;
  /** The channel a table's trigger notifies. */
  channel: string;
  logger: Logger;
  onNotice(payload: string | undefined): void;
  /**
   * Reads whatever the notices stand for from the table: after each (re)connection, since notices sent
   * while the connection was down are lost, and every few seconds as a safety net.
   */
  reread(): Promise<void>;
}

/**
 * One connection outside the pool LISTENing on a channel, reconnected a second after it drops. What
 * the cross-instance event bus and the shared estimates both need to hear other instances' commits.
 */
export function createNoticeListener(deps: NoticeListenerDeps): { start(): Promise<void>; close(): Promise<void> } {
  let client: pg.Client | null = null;
  let closed = false;
  let safetyTimer: NodeJS.Timeout | undefined;
  let reconnectTimer: NodeJS.Timeout | undefined;

  async function connect(): Promise<void> {
    const next = newPostgresClient(deps.url);
    next.on('notification', (message) => {
      if (message.channel === deps.channel) deps.onNotice(message.payload);
    });
    next.on('error', (err) => {
      deps.logger.warn({ err, channel: deps.channel }, 'lost a PostgreSQL notification connection; reconnecting');
      void next.end().catch(() => {});
      if (client === next) client = null;
      scheduleReconnect();
    });
    await next.connect();
    await next.query(`listen ${deps.channel}`);
    client = next;
    await deps.reread();
  }

  function scheduleReconnect(): void {
    if (closed || reconnectTimer) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      connect().catch((err: unknown) => {
        deps.logger.warn({ err, channel: deps.channel }, 'could not listen for other instances’ notifications; retrying');
        scheduleReconnect();
      });
    }, reconnectDelayMs);
    reconnectTimer.unref();
  }

  return {
    async start() {
      await connect();
      safetyTimer = setInterval(() => void deps.reread().catch(() => {}), safetyRereadMs);
      safetyTimer.unref();
    },
    async close() {
      closed = true;
      clearInterval(safetyTimer);
      clearTimeout(reconnectTimer);
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
