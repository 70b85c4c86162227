import type { Db } from '../db/connection.ts';
import { withNotificationTables } from './notification-schema.ts';

/**
 * With the person, or when the retention period is over: push subscriptions (they identify a phone)
 * and the record of what was sent to them go; nothing queued for them is sent any more.
 */
export async function eraseNotificationData(trx: Db, visitIds: readonly string[]): Promise<void> {
  if (visitIds.length === 0) return;
  const n = withNotificationTables(trx);
  await n.deleteFrom('notification_deliveries').where('visit_id', 'in', visitIds).execute();
  await n.deleteFrom('visit_notification_preferences').where('visit_id', 'in', visitIds).execute();
  // The closing email's links go with it: nothing is left to rate an anonymised visit with.
  await n.deleteFrom('feedback_links').where('visit_id', 'in', visitIds).execute();
}
