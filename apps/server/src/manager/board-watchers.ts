import type { ManagerBoard } from '@walkup/domain';
import type { ServerMessage } from '@walkup/protocol';
import type { EventBus } from '../live/event-bus.ts';
import type { LiveSocket } from '../live/hub.ts';

export interface BoardWatcher {
  socket: LiveSocket;
  siteIds: string[];
}

/** Events are gathered this long into one board push: a burst of check-ins is one message. */
const eventDebounceMs = 250;

/**
 * The manager channel: sockets watching the boards of some sites. Boards are pushed after events
 * (debounced) and every `tickMs`, because waits grow and alerts appear with time alone. Each site's
 * board is built once per push, whatever the number of watchers.
 */
export function createBoardWatchers(deps: { bus: EventBus; load: (siteId: string) => Promise<ManagerBoard>; tickMs?: number; onError?: (error: unknown) => void }) {
  const watchers = new Set<BoardWatcher>();
  let debounce: NodeJS.Timeout | null = null;
  let ticker: NodeJS.Timeout | null = null;

  async function push(only?: ReadonlySet<string>): Promise<void> {
    if (watchers.size === 0) return;
    const siteIds = new Set([...watchers].flatMap((w) => w.siteIds).filter((id) => !only || only.has(id)));
    const boards = new Map<string, ManagerBoard>();
    await Promise.all([...siteIds].map(async (id) => boards.set(id, await deps.load(id))));
    for (const watcher of watchers) {
      const mine = watcher.siteIds.flatMap((id) => (boards.has(id) ? [boards.get(id)!] : []));
      if (mine.length > 0) watcher.socket.send(JSON.stringify({ type: 'board', boards: mine } satisfies ServerMessage));
    }
  }
  const safePush = (only?: ReadonlySet<string>) => push(only).catch((error) => deps.onError?.(error));

  const changedSites = new Set<string>();
  deps.bus.subscribe((events) => {
    if (watchers.size === 0) return;
    for (const event of events) changedSites.add(event.siteId);
    if (debounce) return;
    debounce = setTimeout(() => {
      debounce = null;
      const sites = new Set(changedSites);
      changedSites.clear();
      void safePush(sites);
    }, eventDebounceMs);
  });

  return {
    async add(watcher: BoardWatcher): Promise<void> {
      watchers.add(watcher);
      if (!ticker) {
        ticker = setInterval(() => void safePush(), deps.tickMs ?? 5_000);
        ticker.unref();
      }
      const boards = await Promise.all(watcher.siteIds.map((id) => deps.load(id)));
      watcher.socket.send(JSON.stringify({ type: 'board', boards } satisfies ServerMessage));
    },
    remove(watcher: BoardWatcher): void {
      watchers.delete(watcher);
      if (watchers.size === 0 && ticker) {
        clearInterval(ticker);
        ticker = null;
      }
    },
    /** Pushes every watched board now (tests move a fake clock, then call this). */
    refresh: () => safePush(),
    count: () => watchers.size,
    close(): void {
      if (ticker) clearInterval(ticker);
      if (debounce) clearTimeout(debounce);
      watchers.clear();
    },
  };
}

export type BoardWatchers = ReturnType<typeof createBoardWatchers>;
