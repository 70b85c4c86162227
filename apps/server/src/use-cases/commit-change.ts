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
 * Runs a change and its events atomically (a savepoint of a group commit), then announces the events
 * once they are durable. Announcing after commit means no reader ever sees an event that could still
 * be rolled back.
 */
export async function commitChange<T>(deps: UseCaseDeps, work: (trx: Db, append: AppendEvent, at: string) => Promise<T>): Promise<T> {
  const { result, committed } = await deps.commits.run(async (trx) => {
    // Stamped when the change runs, so times follow the commit order within a batch.
    const at = deps.now().toISOString();
    const committed: CommittedEvent[] = [];
    const append: AppendEvent = async (event) => {
      const stored = await appendEvent(trx, { ...event, at });
      committed.push(stored);
      return stored;
    };
    return { result: await work(trx, append, at), committed };
  });
  deps.bus.publish(committed);
  return result;
}
