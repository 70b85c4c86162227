import type { SiteEvent } from '@walkup/domain';

export type CommittedEvent = SiteEvent & { id: number };
type Listener = (events: readonly CommittedEvent[]) => void;

/**
 * In-process notification that events were committed to the log. It carries no state of its own:
 * readers that must not miss anything (ITSM delivery) treat it as a wake-up and read the log itself.
 */
export interface EventBus {
  publish(events: readonly CommittedEvent[]): void;
  subscribe(listener: Listener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<Listener>();
  return {
    publish(events) {
      if (events.length === 0) return;
      for (const listener of listeners) listener(events);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
