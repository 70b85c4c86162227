import { createNoticeListener } from '../cluster/notice-listener.ts';
import type { Db } from '../db/connection.ts';
import { listCommittedEventsAfter, listSiteSequences } from '../queries/events.ts';
import { createEventBus, type CommittedEvent, type EventBus } from './event-bus.ts';

type Logger = { warn: (...args: any[]) => void };

/** The channel the events table's trigger notifies (migration 2026-12-01T0500). */
export const eventChannel = 'walkup_events';
const readBatch = 500;

/** `site:firstSeq:lastSeq` (site ids never contain a colon). */
export function parseEventNotice(payload: string): { siteId: string; firstSeq: number; lastSeq: number } | null {
  const match = /^(.+):(\d+):(\d+)$/.exec(payload);
  return match ? { siteId: match[1]!, firstSeq: Number(match[2]), lastSeq: Number(match[3]) } : null;
}

/**
 * The event bus of an instance sharing PostgreSQL with others: every subscriber (site views, hub,
 * estimator, ITSM worker) sees every site's events, its own and other instances', once each, in
 * sequence order with no gap. Other instances' commits arrive as NOTIFY wake-ups carrying only the
 * site and sequence range; the events themselves are read from the table, after what this instance
 * already delivered, so a lost or reordered notice cannot make a screen skip or repeat an event.
 * This instance's own commits are delivered at once when they follow what was delivered (the usual
 * case), so a reply and its screen update still go out together.
 */
export function createClusterEventBus(deps: { db: Db; url: string; logger: Logger }): EventBus & { start(): Promise<void>; close(): Promise<void> } {
  const local = createEventBus();
  /** Last sequence delivered to subscribers, per site. */
  const delivered = new Map<string, number>();
  const reading = new Map<string, Promise<void>>();
  const readAgain = new Set<string>();
  let closed = false;

  function deliver(siteId: string, events: readonly CommittedEvent[]): void {
    const last = delivered.get(siteId);
    const fresh = last === undefined ? events : events.filter((event) => event.seq > last);
    if (fresh.length === 0) return;
    delivered.set(siteId, fresh[fresh.length - 1]!.seq);
    local.publish(fresh);
  }

  /** Reads and delivers the site's committed events after the last one delivered; one read per site at a time. */
  function catchUp(siteId: string, fromSeq?: number): Promise<void> {
    const inFlight = reading.get(siteId);
    if (inFlight) {
      readAgain.add(siteId);
      return inFlight;
    }
    if (!delivered.has(siteId) && fromSeq !== undefined) delivered.set(siteId, fromSeq - 1);
    const read = (async () => {
      do {
        readAgain.delete(siteId);
        for (;;) {
          const events = await listCommittedEventsAfter(deps.db, siteId, delivered.get(siteId) ?? 0, readBatch);
          deliver(siteId, events);
          if (events.length < readBatch) break;
        }
      } while (readAgain.has(siteId) && !closed);
    })()
      .catch((err: unknown) => deps.logger.warn({ err, siteId }, 'reading committed events failed; the safety re-read tries again'))
      .finally(() => reading.delete(siteId));
    reading.set(siteId, read);
    return read;
  }

  function onCommitted(events: readonly CommittedEvent[]): void {
    const bySite = new Map<string, CommittedEvent[]>();
    for (const event of events) bySite.set(event.siteId, [...(bySite.get(event.siteId) ?? []), event]);
    for (const [siteId, siteEvents] of bySite) {
      const last = delivered.get(siteId);
      // Delivered at once when it follows what was delivered, even while a read is in flight (that
      // read's result is filtered by sequence). Otherwise another instance's commit came in between
      // and is not read yet: read everything in order from the table.
      if (last === undefined || siteEvents[0]!.seq <= last + 1) deliver(siteId, siteEvents);
      else void catchUp(siteId);
    }
  }

  function onNotice(payload: string | undefined): void {
    const notice = payload ? parseEventNotice(payload) : null;
    if (!notice) return;
    const last = delivered.get(notice.siteId);
    if (last !== undefined && notice.lastSeq <= last) return;
    void catchUp(notice.siteId, notice.firstSeq);
  }

  /** Catches up every site this instance has delivered events of and that moved on meanwhile. */
  async function rereadAll(): Promise<void> {
    for (const { siteId, seq } of await listSiteSequences(deps.db)) {
      const last = delivered.get(siteId);
      if (last !== undefined && seq > last) void catchUp(siteId);
    }
  }

  // Notices sent while its connection was down are lost: it re-reads whatever was committed meanwhile.
  const listener = createNoticeListener({ url: deps.url, channel: eventChannel, logger: deps.logger, onNotice, reread: rereadAll });

  return {
    publish: onCommitted,
    subscribe: local.subscribe,
    start: () => listener.start(),
    async close() {
      closed = true;
      await listener.close();
      await Promise.all(reading.values());
    },
  };
}
