import type { Kysely, Selectable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';

/** Row types of the notification tables (migration 2026-12-01T0810-notifications), kept beside their only user. */
/**
 * `feedback` is the closing email after a resolution: "how did it go?" with a link per face.
 * `come_over` is what a visitor on the way gets instead of `almost_up`: time to walk to the tech bar.
 */
export type NotificationKind = 'almost_up' | 'come_over' | 'called' | 'feedback';
export type ChannelName = 'email' | 'push' | 'webhook';
/** `sending` is claimed before the send; a row found in it after a restart is never sent again. */
export type NotificationState = 'pending' | 'retrying' | 'sending' | 'sent' | 'failed' | 'cancelled';

export interface NotificationDeliveriesTable {
  id: string;
  visit_id: string;
  site_id: string;
  kind: NotificationKind;
  channel: ChannelName;
  state: NotificationState;
  /** JSON of NotificationMessage: what to say, fixed at decision time. */
  payload: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface VisitNotificationPreferencesTable {
  visit_id: string;
  site_id: string;
  opted_out: number;
  opt_out_token: string;
  /** JSON PushSubscription ({endpoint, keys: {p256dh, auth}}) or null. */
  push_subscription: string | null;
  updated_at: string;
}

export interface SiteNotificationSettingsTable {
  site_id: string;
  notify_at_position: number;
  updated_at: string;
}

export interface NotificationTables {
  notification_deliveries: NotificationDeliveriesTable;
  visit_notification_preferences: VisitNotificationPreferencesTable;
  site_notification_settings: SiteNotificationSettingsTable;
}

export type NotificationDb = Kysely<Database & NotificationTables>;
export type NotificationRow = Selectable<NotificationDeliveriesTable>;

/** The same connection, typed with the notification tables as well (the shared schema file stays the lead's). */
export function withNotificationTables(db: Db): NotificationDb {
  return db as unknown as NotificationDb;
}
