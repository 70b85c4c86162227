import { createHmac } from 'node:crypto';
import { PermanentSendError, RetryableSendError, type NotificationChannel } from './notification-channel.ts';
import { notificationBody, notificationTitle } from './notification-text.ts';

export const webhookSignatureHeader = 'x-walkup-signature';

/** `sha256=<hex HMAC-SHA256 of the raw body>`, as GitHub-style receivers check it. */
export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * POSTs JSON to a site-wide URL (a Teams/Slack relay, an SMS gateway). Public by nature: it carries
 * the ticket number, the kind, the place or desk, never a name or an address.
 */
export function createWebhookChannel(options: { url: string; secret: string; timeoutMs?: number }): NotificationChannel {
  return {
    name: 'webhook',
    reaches: () => true,
    async send(_target, message) {
      const body = JSON.stringify({
        id: message.id,
        kind: message.kind,
        site: message.siteName,
        ticketNumber: message.ticketNumber,
        position: message.position,
        desk: message.deskName,
        title: notificationTitle(message),
        text: notificationBody(message),
      });
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [webhookSignatureHeader]: signWebhookBody(options.secret, body), 'idempotency-key': message.id },
          body,
          signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
        });
      } catch (error) {
        // A refused connection never reached the peer; a timeout might have: outcome unknown.
        const cause = (error as { cause?: { code?: string } }).cause;
        if (cause?.code === 'ECONNREFUSED' || cause?.code === 'ENOTFOUND') throw new RetryableSendError((error as Error).message);
        throw error;
      }
      await response.body?.cancel();
      if (response.ok) return;
      if (response.status >= 500 || response.status === 429) throw new RetryableSendError(`webhook answered ${response.status}`);
      throw new PermanentSendError(`webhook answered ${response.status}`);
    },
  };
}
