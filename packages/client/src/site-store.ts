import { batch, signal, type Signal } from '@preact/signals';
import { applyEventToView, type SiteEvent, type SiteView } from '@walkup/domain';
import type { EstimatesPayload, ServerMessage } from '@walkup/protocol';

export type ApplyResult = 'applied' | 'ignored' | 'gap';

export interface SiteStore {
  /** Null until the first snapshot arrives. */
  view: Signal<SiteView | null>;
  estimates: Signal<EstimatesPayload | null>;
  /** False while the socket is down: screens show an offline banner, data may be stale. */
  connected: Signal<boolean>;
  /** The last server error message (e.g. unknown site), for screens that want to show it. */
  lastError: Signal<{ code: string; message: string } | null>;
  /** The seq the next subscribe should resume from. */
  currentSeq(): number | undefined;
  /** Applies one server message; 'gap' means events were missed and the caller must resubscribe. */
  handleMessage(message: ServerMessage): ApplyResult;
  /** Called for each event applied in order; displays use it to chime. */
  onEvent(listener: (event: SiteEvent) => void): () => void;
}

export function createSiteStore(): SiteStore {
  const view = signal<SiteView | null>(null);
  const estimates = signal<EstimatesPayload | null>(null);
  const connected = signal(false);
  const lastError = signal<{ code: string; message: string } | null>(null);
  const listeners = new Set<(event: SiteEvent) => void>();

  function applyEvent(event: SiteEvent): ApplyResult {
    const current = view.value;
    // An event before any snapshot cannot be applied to anything: ask for a snapshot.
    if (!current) return 'gap';
    if (event.seq <= current.seq) return 'ignored';
    if (event.seq !== current.seq + 1) return 'gap';
    view.value = applyEventToView(current, event);
    for (const listener of listeners) listener(event);
    return 'applied';
  }

  function applyEstimates(payload: EstimatesPayload): ApplyResult {
    const current = estimates.value;
    if (current && payload.seq < current.seq) return 'ignored';
    estimates.value = payload;
    return 'applied';
  }

  return {
    view,
    estimates,
    connected,
    lastError,
    currentSeq: () => view.value?.seq,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    handleMessage(message) {
      switch (message.type) {
        case 'snapshot':
          batch(() => {
            view.value = message.view;
            estimates.value = message.estimates;
            lastError.value = null;
          });
          return 'applied';
        case 'event':
          return applyEvent(message.event);
        case 'estimates':
          return applyEstimates(message);
        case 'error':
          lastError.value = { code: message.code, message: message.message };
          return 'applied';
        // Boards are the manager board's, not part of a site's view.
        case 'board':
        case 'pong':
        case 'bye':
          return 'ignored';
      }
    },
  };
}
