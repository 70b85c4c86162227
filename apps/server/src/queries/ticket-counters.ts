import type { Db } from '../db/connection.ts';

/** Takes the next ticket counter for a queue and service day; runs inside the check-in transaction. */
export async function takeNextTicketCounter(trx: Db, queueId: string, serviceDay: string): Promise<number> {
  const row = await trx
    .insertInto('ticket_counters')
    .values({ queue_id: queueId, service_day: serviceDay, last_number: 1 })
    .onConflict((oc) => oc.columns(['queue_id', 'service_day']).doUpdateSet((eb) => ({ last_number: eb('ticket_counters.last_number', '+', 1) })))
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}
