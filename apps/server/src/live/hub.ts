import type { SiteEvent } from '@walkup/domain';
import type { ServerMessage } from '@walkup/protocol';
import type { Audience } from '../use-cases/site-view.ts';
import { redactEventForPublic } from '../use-cases/site-view.ts';
import type { CommittedEvent, EventBus } from './event-bus.ts';
import type { EstimateService } from './estimate-service.ts';
import { sendBounded } from './socket-limits.ts';

/** The part of a websocket the hub needs; lets tests and benchmarks use plain objects. */
export interface LiveSocket {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  readonly bufferedAmount: number;
}

export interface Subscriber {
  socket: LiveSocket;
  siteId: string;
  audience: Audience;
  /** While a subscriber is catching up (snapshot or replay being read), live messages wait here. */
  pending: Array<{ seq: number; text: string }> | null;
  /**
   * The last event sequence sent. With several instances an event can reach this one's bus after a
   * catch-up already read it from the table: it is not sent twice.
   */
  sentSeq?: number;
}

/**
 * Publishes committed events and fresh estimates to named channels (site x audience). Each message is
 * serialised once per channel, not once per socket, which is what keeps fan-out to thousands of
 * screens cheap.
 */
export function createLiveHub(deps: { bus: EventBus; estimates: EstimateService; showNamesFor: (siteId: string) => boolean }) {
  const channels = new Map<string, Set<Subscriber>>();
  const key = (siteId: string, audience: Audience) => `${siteId}:${audience}`;

  function deliver(subscriber: Subscriber, text: string, seq: number): void {
    if (subscriber.pending) {
      subscriber.pending.push({ seq, text });
      return;
    }
    if (seq > 0) {
      if (seq <= (subscriber.sentSeq ?? 0)) return;
      subscriber.sentSeq = seq;
    }
    // A client that is not reading is dropped (it will resynchronise) rather than queued for.
    if (!sendBounded(subscriber.socket, text)) remove(subscriber);
  }

  function broadcast(siteId: string, audience: Audience, message: ServerMessage | string, seq: number): void {
    const members = channels.get(key(siteId, audience));
    if (!members || members.size === 0) return;
    const text = typeof message === 'string' ? message : JSON.stringify(message);
    for (const subscriber of members) deliver(subscriber, text, seq);
  }

  function publishEvents(events: readonly CommittedEvent[]): void {
    for (const committed of events) {
      const { id: _id, ...event } = committed;
      const staffEvent: SiteEvent = event as SiteEvent;
      broadcast(event.siteId, 'staff', { type: 'event', event: staffEvent }, event.seq);
      if (channels.get(key(event.siteId, 'public'))?.size) {
        broadcast(event.siteId, 'public', { type: 'event', event: redactEventForPublic(staffEvent, deps.showNamesFor(event.siteId)) }, event.seq);
      }
    }
  }

  function remove(subscriber: Subscriber): void {
    channels.get(key(subscriber.siteId, subscriber.audience))?.delete(subscriber);
  }

  deps.bus.subscribe(publishEvents);
  deps.estimates.onUpdate((siteId, estimates) => {
    if (!channels.get(key(siteId, 'staff'))?.size && !channels.get(key(siteId, 'public'))?.size) return;
    // The same text for both audiences: estimates name no one.
    const text = JSON.stringify({ type: 'estimates', ...estimates } satisfies ServerMessage);
    // Estimates carry no sequence of their own; 0 means "send after whatever is pending".
    broadcast(siteId, 'staff', text, 0);
    broadcast(siteId, 'public', text, 0);
  });

  return {
    add(subscriber: Subscriber): void {
      const k = key(subscriber.siteId, subscriber.audience);
      const members = channels.get(k) ?? new Set();
      members.add(subscriber);
      channels.set(k, members);
    },
    remove,
    /** Ends catch-up: sends what arrived meanwhile, skipping anything the catch-up already covered. */
    flush(subscriber: Subscriber, coveredSeq: number): void {
      const pending = subscriber.pending ?? [];
      subscriber.pending = null;
      subscriber.sentSeq = coveredSeq;
      for (const item of pending) if (item.seq === 0 || item.seq > coveredSeq) deliver(subscriber, item.text, item.seq);
    },
    subscriberCount(): number {
      let total = 0;
      for (const members of channels.values()) total += members.size;
      return total;
    },
    activeSiteIds(): string[] {
      return [...new Set([...channels.entries()].filter(([, m]) => m.size > 0).map(([k]) => k.slice(0, k.lastIndexOf(':'))))];
    },
    closeAll(code: number, reason: string, message?: ServerMessage): void {
      const text = message ? JSON.stringify(message) : null;
      for (const members of channels.values()) {
        for (const subscriber of members) {
          if (text) subscriber.socket.send(text);
          subscriber.socket.close(code, reason);
        }
        members.clear();
      }
    },
  };
}

export type LiveHub = ReturnType<typeof createLiveHub>;
