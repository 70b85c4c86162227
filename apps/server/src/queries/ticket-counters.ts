import type { Db } from '../db/connection.ts';
import { preparedQuery } from '../db/prepared-query.ts';

const takeCounter = preparedQuery<{ queueId: string; serviceDay: string }, { last_number: number }>((db, value) =>
  db
    .insertInto('ticket_counters')
    .values({ queue_id: value('queueId'), service_day: value('serviceDay'), last_number: 1 })
    .onConflict((oc) => oc.columns(['queue_id', 'service_day']).doUpdateSet((eb) => ({ last_number: eb('ticket_counters.last_number', '+', 1) })))
    .returning('last_number'),
);

/** Takes the next ticket counter for a queue and service day; runs inside the check-in transaction. */
export async function takeNextTicketCounter(trx: Db, queueId: string, serviceDay: string): Promise<number> {
  return (await takeCounter(trx, { queueId, serviceDay })).rows[0]!.last_number;
}
