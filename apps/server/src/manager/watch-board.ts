import type { ClientMessageMap, ServerMessage } from '@walkup/protocol';
import type { Db } from '../db/connection.ts';
import { canSeeSite, type Principal } from '../auth/principal.ts';
import type { LiveSocket } from '../live/hub.ts';
import { listSites } from '../queries/sites.ts';
import type { BoardWatcher, BoardWatchers } from './board-watchers.ts';
import { managerAndAdmin } from '../routes/route-roles.ts';

const refuse = (socket: LiveSocket, code: string, message: string) => socket.send(JSON.stringify({ type: 'error', code, message } satisfies ServerMessage));

/** A `watch_board` message: the roles of the board's HTTP route only, and only sites the account sees. */
export async function watchBoard(
  deps: { db: Db; boards: BoardWatchers },
  socket: LiveSocket,
  principal: Principal,
  request: ClientMessageMap['watch_board'],
  previous: BoardWatcher | null,
): Promise<BoardWatcher | null> {
  if (!managerAndAdmin.includes(principal.role)) {
    refuse(socket, 'role_not_allowed', `a ${principal.role} may not watch the manager board`);
    return previous;
  }
  const known = (await listSites(deps.db)).map((site) => site.id);
  const asked = request.siteIds ?? known.filter((id) => canSeeSite(principal, id));
  const unknown = asked.find((id) => !known.includes(id));
  if (unknown) {
    refuse(socket, 'site_not_found', `site '${unknown}' does not exist`);
    return previous;
  }
  const foreign = asked.find((id) => !canSeeSite(principal, id));
  if (foreign) {
    refuse(socket, 'other_site', `this account may not follow site '${foreign}'`);
    return previous;
  }
  if (previous) deps.boards.remove(previous);
  const watcher: BoardWatcher = { socket, siteIds: asked };
  try {
    await deps.boards.add(watcher);
    return watcher;
  } catch {
    deps.boards.remove(watcher);
    refuse(socket, 'watch_failed', 'could not load the board');
    return null;
  }
}
