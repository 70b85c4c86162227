import type { SiteEventMap, SiteEventType } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import type { CommittedEvent } from '../live/event-bus.ts';
import { appendEvent } from '../queries/events.ts';
import type { UseCaseDeps } from './deps.ts';

export type AppendEvent = <K extends SiteEventType>(event: {
  siteId: string;
  type: K;
  visitId: string | null;
  data: SiteEventMap[K];
}) => Promise<CommittedEvent>;

/**
 * Runs a change and its events in one transaction, then announces the events once they are durable.
 * Announcing after commit means no reader ever sees an event that could still be rolled back.
 */
export async function commitChange<T>(deps: UseCaseDeps, work: (trx: Db, append: AppendEvent, at: string) => Promise<T>): Promise<T> {
  const committed: CommittedEvent[] = [];
  const at = deps.now().toISOString();
  const result = await deps.db.transaction().execute(async (trx) =>
    work(
      trx,
      async (event) => {
        const stored = await appendEvent(trx, { ...event, at });
        committed.push(stored);
        return stored;
      },
      at,
    ),
  );
  deps.bus.publish(committed);
  return result;
}
