import { computed, signal } from '@preact/signals';
import type { ApiClient, ItsmConnectionHealth } from '@walkup/client';

export const itsmRefreshMs = 10_000;

/**
 * ITSM connection health, polled while someone is signed in. It lives in the main bundle (not the
 * lazy ITSM view) because the header badge needs it on every tab: a technician must notice that
 * tickets are not reaching the ITSM without going to look.
 */
export function createItsmHealth(api: ApiClient) {
  /** Null until the first answer; an empty list means no ITSM is configured. */
  const connections = signal<ItsmConnectionHealth[] | null>(null);
  /** The last poll failed; the view says so instead of showing stale numbers as current. */
  const unreachable = signal(false);
  let timer: ReturnType<typeof setInterval> | undefined;
  let generation = 0;

  async function refresh() {
    const mine = generation;
    try {
      const health = await api.getItsmHealth();
      if (mine !== generation) return;
      connections.value = health.connections;
      unreachable.value = false;
    } catch {
      // Polled every 10 s: a toast per failure would bury the technician's own messages.
      if (mine === generation) unreachable.value = true;
    }
  }

  const attention = computed(() => {
    const list = connections.value ?? [];
    return {
      openBreakers: list.filter((c) => c.breaker === 'open').length,
      deadLetters: list.reduce((sum, c) => sum + c.deadLetters, 0),
    };
  });

  return {
    connections,
    unreachable,
    attention,
    refresh,
    start() {
      if (timer) return;
      void refresh();
      timer = setInterval(() => void refresh(), itsmRefreshMs);
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
      // Answers still in flight belong to the previous account.
      generation++;
      connections.value = null;
      unreachable.value = false;
    },
  };
}

export type ItsmHealth = ReturnType<typeof createItsmHealth>;
