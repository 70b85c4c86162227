import type { NotificationConfig } from './notification-config.ts';
import { loadOrCreateVapidKeys } from './notification-config.ts';
import { createEmailChannel } from './email-channel.ts';
import type { NotificationSetup } from './index.ts';
import { createPushChannel } from './push-channel.ts';
import { createSmtpMail } from './smtp-mail.ts';
import { createWebhookChannel } from './webhook-channel.ts';

/** The channels the configuration turns on; demo mode always has push, with keys kept in the data folder. */
export function createNotificationSetup(config: NotificationConfig, options: { demo: boolean; dataDir: string; publicUrl: string | null }): NotificationSetup {
  const vapid = config.vapid ?? (options.demo ? loadOrCreateVapidKeys(options.dataDir, config.vapidSubject) : null);
  const channels = [
    ...(config.smtp ? [createEmailChannel(createSmtpMail(config.smtp))] : []),
    ...(vapid ? [createPushChannel(vapid)] : []),
    ...(config.webhook ? [createWebhookChannel(config.webhook)] : []),
  ];
  return { channels, vapidPublicKey: vapid?.publicKey ?? null, publicUrl: options.publicUrl };
}
