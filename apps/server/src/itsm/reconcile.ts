import type { Db } from '../db/connection.ts';
import type { EventBus } from '../live/event-bus.ts';
import type { ConnectionPolicy } from './connection-policy.ts';
import { publishSyncState, recordTicket } from './delivery-store.ts';
import { withItsmTables } from './itsm-schema.ts';

/**
 * Creates whose outcome is unknown (timeout, crash between send and commit) are looked up by
 * correlation id at start and periodically, so a ticket that does exist is adopted and its queued
 * updates flow right away instead of after the next backoff.
 */
export async function reconcileUnknownCreates(db: Db, now: () => Date, connectionFor: (siteId: string) => ConnectionPolicy, bus: EventBus): Promise<number> {
  const rows = await withItsmTables(db)
    .selectFrom('itsm_deliveries as d')
    .innerJoin('visits as v', 'v.id', 'd.visit_id')
    .select(['d.visit_id', 'd.site_id'])
    .where('d.create_sent_at', 'is not', null)
    .where('v.itsm_remote_id', 'is', null)
    .where('d.state', 'in', ['pending', 'retrying'])
    .execute();
  let adopted = 0;
  for (const row of rows) {
    const connection = connectionFor(row.site_id);
    const ticket = await connection.run(() => connection.adapter.findByCorrelationId(row.visit_id)).catch(() => null);
    if (!ticket) continue;
    const at = now().toISOString();
    const event = await db.transaction().execute(async (trx) => {
      await recordTicket(trx, row.visit_id, ticket);
      await withItsmTables(trx).updateTable('itsm_deliveries').set({ next_attempt_at: at, updated_at: at }).where('visit_id', '=', row.visit_id).execute();
      return publishSyncState(trx, row.visit_id, { state: 'synced', error: null, ticketChanged: true }, at);
    });
    if (event) bus.publish([event]);
    adopted++;
  }
  return adopted;
}
