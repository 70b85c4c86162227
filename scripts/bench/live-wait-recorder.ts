import WebSocket from 'ws';
import type { EstimatesPayload, ServerMessage } from '@walkup/protocol';
import type { WaitEstimate } from '@walkup/domain';

/** What one screen or reply showed, and when (this machine's clock, which the server shares). */
export interface Publication {
  atMs: number;
  visits: Record<string, WaitEstimate | null>;
  queues: Record<string, WaitEstimate | null>;
}

/**
 * A wall display's socket that keeps every estimate the server published for the site, across a
 * restart (it reconnects, as a real display does): what people in the waiting room actually read.
 */
export class DisplayRecorder {
  readonly publications: Publication[] = [];
  private socket: WebSocket | null = null;
  private closed = false;

  constructor(private readonly connection: () => { url: string; headers: Record<string, string> }, private readonly siteId: string) {}

  connect(): Promise<void> {
    const { url, headers } = this.connection();
    const socket = new WebSocket(url, { headers });
    this.socket = socket;
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as ServerMessage;
      if (message.type === 'snapshot') this.record(message.estimates);
      else if (message.type === 'estimates') this.record(message);
    });
    socket.on('close', () => {
      if (!this.closed) setTimeout(() => void this.connect().catch(() => {}), 200);
    });
    socket.on('error', () => {});
    return new Promise((resolve, reject) => {
      socket.once('open', () => {
        socket.send(JSON.stringify({ type: 'subscribe', siteId: this.siteId, view: 'display' }));
        resolve();
      });
      socket.once('error', reject);
    });
  }

  close(): void {
    this.closed = true;
    this.socket?.close();
  }

  private record(payload: EstimatesPayload): void {
    this.publications.push({ atMs: Date.now(), visits: payload.visits, queues: payload.queues });
  }
}
