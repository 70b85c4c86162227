import type { Agent } from 'node:https';
import webpush from 'web-push';
import { PermanentSendError, RetryableSendError, type NotificationChannel } from './notification-channel.ts';
import { notificationBody, notificationTitle } from './notification-text.ts';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  /** mailto: or https: contact for push services. */
  subject: string;
}

/** Web push (VAPID, aes128gcm) to the subscription the visitor's phone made on the ticket page; `agent` for a proxy or a private CA. */
export function createPushChannel(vapid: VapidKeys, options: { agent?: Agent } = {}): NotificationChannel {
  return {
    name: 'push',
    reaches: (target) => target.pushSubscription !== null,
    async send(target, message) {
      const payload = JSON.stringify({ title: notificationTitle(message), body: notificationBody(message), tag: `${message.kind}-${message.ticketNumber}` });
      try {
        await webpush.sendNotification(target.pushSubscription!, payload, {
          vapidDetails: vapid,
          contentEncoding: 'aes128gcm',
          TTL: 600,
          timeout: 15_000,
          ...(options.agent ? { agent: options.agent } : {}),
        });
      } catch (error) {
        const e = error as Error & { statusCode?: number; code?: string };
        if (e.statusCode === 404 || e.statusCode === 410) throw new PermanentSendError(`push subscription gone (${e.statusCode})`);
        if (e.statusCode !== undefined && (e.statusCode >= 500 || e.statusCode === 429)) throw new RetryableSendError(`push service answered ${e.statusCode}`);
        if (e.statusCode !== undefined) throw new PermanentSendError(`push service answered ${e.statusCode}`);
        if (e.code === 'ECONNREFUSED') throw new RetryableSendError(e.message);
        throw error;
      }
    },
  };
}

export function generateVapidKeys(): { publicKey: string; privateKey: string } {
  return webpush.generateVAPIDKeys();
}
