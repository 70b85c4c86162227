import { NotFoundError } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import type { EventBus } from '../live/event-bus.ts';
import { getDelivery, listUndeliveredEvents, publishSyncState } from './delivery-store.ts';
import { withItsmTables } from './itsm-schema.ts';

/**
 * Admin/technician action on a dead letter: make it due now with a fresh attempt count. With
 * `skipFailedUpdate`, the update the ITSM keeps refusing (e.g. a transition its workflow forbids)
 * is marked delivered so the following ones can go.
 */
export async function retryDeadLetter(
  deps: { db: Db; bus: EventBus; now: () => Date },
  visitId: string,
  options: { skipFailedUpdate?: boolean } = {},
): Promise<void> {
  const at = deps.now().toISOString();
  const event = await deps.db.transaction().execute(async (trx) => {
    const delivery = await getDelivery(trx, visitId);
    if (!delivery) throw new NotFoundError('itsm_delivery', visitId);
    let deliveredEventId = delivery.delivered_event_id;
    if (options.skipFailedUpdate && delivery.state === 'failed') {
      const [failed] = await listUndeliveredEvents(trx, delivery);
      // Never skip the creation itself: without a ticket there is nothing to update.
      const visit = await trx.selectFrom('visits').select('itsm_remote_id').where('id', '=', visitId).executeTakeFirstOrThrow();
      if (failed && visit.itsm_remote_id) deliveredEventId = failed.id;
    }
    await withItsmTables(trx)
      .updateTable('itsm_deliveries')
      .set({ state: 'pending', attempts: 0, next_attempt_at: at, delivered_event_id: deliveredEventId, updated_at: at })
      .where('visit_id', '=', visitId)
      .execute();
    return publishSyncState(trx, visitId, { state: 'pending', error: null }, at);
  });
  if (event) deps.bus.publish([event]);
}
