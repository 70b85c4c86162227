import type { NotificationChannel } from './notification-channel.ts';

export { createNotificationWorker, type NotificationWorker } from './notification-worker.ts';
export { notificationRoutes } from './notification-routes.ts';
export { parseNotificationConfig, loadOrCreateVapidKeys, type NotificationConfig } from './notification-config.ts';
export { createSmtpMail, type OutgoingMail, type SendMail } from './smtp-mail.ts';
export { createEmailChannel } from './email-channel.ts';
export { createPushChannel } from './push-channel.ts';
export { createWebhookChannel } from './webhook-channel.ts';
export type { NotificationChannel } from './notification-channel.ts';

/** What the app needs to notify visitors: the configured channels and the links they carry. */
export interface NotificationSetup {
  channels: NotificationChannel[];
  /** Served to the phone page so it can subscribe; null when push is off. */
  vapidPublicKey: string | null;
  /** Base of the opt-out link in emails (WALKUP_PUBLIC_URL); relative links without it. */
  publicUrl: string | null;
}
