import WebSocket from 'ws';
import type { ServerMessage, ViewKind } from '@walkup/protocol';

/**
 * A crowd of websocket screens for benchmarks. Each client subscribes to one site and checks what a
 * real screen relies on: events arrive in sequence order without gaps; the latency recorded is
 * "received now" minus the event's `at`, which the server stamps just before the commit, so it is an
 * upper bound of commit -> screen. Server and clients share this machine's clock.
 */
export interface ClientSpec {
  siteId: string;
  view: ViewKind;
  /** Consoles sign in as a technician of the site. */
  technicianId?: string;
}

export interface LiveClient {
  spec: ClientSpec;
  socket: WebSocket;
  lastSeq: number;
  /** Stops reading from the socket: a screen that hangs or vanished without closing. */
  stall(): void;
}

export class LiveClientPool {
  readonly clients: LiveClient[] = [];
  latencies: number[] = [];
  events = 0;
  gaps = 0;
  snapshots = 0;
  closedByServer = 0;
  byes = 0;
  errors = 0;
  /** When false, latencies are not recorded (warm-up). */
  recording = true;

  constructor(private readonly connection: (spec: ClientSpec) => { url: string; headers: Record<string, string> }) {}

  async connect(specs: readonly ClientSpec[], parallel = 50): Promise<void> {
    let next = 0;
    const lane = async () => {
      while (next < specs.length) await this.connectOne(specs[next++]!);
    };
    await Promise.all(Array.from({ length: parallel }, lane));
  }

  private connectOne(spec: ClientSpec): Promise<LiveClient> {
    return new Promise((resolve, reject) => {
      const { url, headers } = this.connection(spec);
      const socket = new WebSocket(url, { perMessageDeflate: false, headers });
      const client: LiveClient = {
        spec,
        socket,
        lastSeq: -1,
        stall: () => {
          // ws reads through the net.Socket; pausing it stops reading, so pings go unanswered too.
          (socket as unknown as { _socket: { pause(): void } })._socket.pause();
          socket.removeAllListeners('message');
        },
      };
      let subscribed = false;
      socket.on('open', () => socket.send(JSON.stringify({ type: 'subscribe', siteId: spec.siteId, view: spec.view })));
      socket.on('message', (data) => {
        const text = data.toString();
        // Estimates carry nothing checked here and grow with the queues: real screens parse them on
        // their own machines, and parsing them here would only take CPU from the server under test.
        if (subscribed && text.startsWith('{"type":"estimates"')) return;
        const message = JSON.parse(text) as ServerMessage;
        this.receive(client, message);
        if (!subscribed && message.type === 'snapshot') {
          subscribed = true;
          this.clients.push(client);
          resolve(client);
        }
        if (message.type === 'error' && !subscribed) reject(new Error(`${message.code}: ${message.message}`));
      });
      socket.on('close', () => {
        if (subscribed) this.closedByServer++;
      });
      socket.on('error', (error) => {
        this.errors++;
        if (!subscribed) reject(error);
      });
    });
  }

  private receive(client: LiveClient, message: ServerMessage): void {
    switch (message.type) {
      case 'snapshot':
        this.snapshots++;
        client.lastSeq = message.view.seq;
        return;
      case 'event': {
        const { seq, at } = message.event;
        if (client.lastSeq >= 0 && seq !== client.lastSeq + 1) this.gaps++;
        client.lastSeq = seq;
        this.events++;
        if (this.recording) this.latencies.push(Date.now() - Date.parse(at));
        return;
      }
      case 'bye':
        this.byes++;
        return;
      default:
        return;
    }
  }

  resetCounters(): void {
    this.latencies = [];
    this.events = 0;
    this.gaps = 0;
  }

  close(): void {
    for (const client of this.clients) client.socket.terminate();
  }
}
