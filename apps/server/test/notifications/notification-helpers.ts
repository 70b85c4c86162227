import webpush from 'web-push';
import { createEmailChannel, createNotificationWorker, createPushChannel, createSmtpMail, createWebhookChannel } from '../../src/notifications/index.ts';
import { withNotificationTables } from '../../src/notifications/notification-schema.ts';
import type { NotificationChannel, NotificationMessage } from '../../src/notifications/notification-channel.ts';
import { createTestApp, seatTechnician, type TestApp } from '../helpers/test-app.ts';
import { checkInWithLink, demo } from '../visitor/visitor-helpers.ts';
import { createOutbox } from '../appointments/appointment-helpers.ts';
import type { NotificationWorkerDeps } from '../../src/notifications/notification-worker.ts';
import { feedbackPagePath } from '../../src/visitor/feedback-links.ts';
import { startPushPeer } from './peers/push-peer.ts';
import { startSmtpPeer } from './peers/smtp-peer.ts';
import { startWebhookPeer } from './peers/webhook-peer.ts';

export const webhookSecret = 'test-webhook-secret-0123456789';
export const publicUrl = 'https://walkup.example.org';

/** The app, three real protocol peers, and a notification worker the test drives (drain) or restarts. */
export async function startNotificationScene(options: { wrapEmail?: (channel: NotificationChannel) => NotificationChannel } = {}) {
  // The app's own mails (remote check-in links), apart from the notification channels' SMTP peer.
  const outbox = createOutbox();
  const smtp = await startSmtpPeer();
  const webhook = await startWebhookPeer(webhookSecret);
  const vapid = webpush.generateVAPIDKeys();
  const push = await startPushPeer(vapid.publicKey);
  const mail = createSmtpMail({ url: smtp.url, from: 'IT walk-up <walkup@example.org>', timeoutMs: 2_000 });
  const email = createEmailChannel(mail);
  const channels = [
    options.wrapEmail ? options.wrapEmail(email) : email,
    createPushChannel({ ...vapid, subject: 'mailto:it@example.org' }, { agent: push.agent }),
    createWebhookChannel({ url: webhook.url, secret: webhookSecret }),
  ];
  const t: TestApp = await createTestApp({ notifications: { channels, vapidPublicKey: vapid.publicKey, publicUrl }, sendMail: outbox.sendMail });
  await seatTechnician(t.app, demo.alex, demo.desk1);
  const newWorker = (overrides: Partial<Pick<NotificationWorkerDeps, 'estimatesFor' | 'views' | 'channels'>> = {}) =>
    createNotificationWorker({
      estimatesFor: (view) => t.app.walkup.estimates.forView(view),
      views: t.app.walkup.views,
      channels,
      ...overrides,
      db: t.database.db,
      bus: t.app.walkup.bus,
      setups: t.app.walkup.setups,
      optOutUrl: (token) => `${publicUrl}/api/notifications/opt-out/${token}`,
      feedbackUrl: (token, score) => `${publicUrl}${feedbackPagePath(token, score)}`,
      now: t.clock.now,
      random: () => 1,
      options: { backoffBaseMs: 1_000, pollIntervalMs: 60_000 },
      logger: { info() {}, warn() {}, error: (...args: unknown[]) => console.error('notification worker', ...args) },
    });
  return {
    t,
    channels,
    smtp,
    webhook,
    push,
    newWorker,
    outbox,
    checkIn: (email: string | null, name = 'Ada Lovelace') => checkInWithLink(t.app, demo.hardwareChoice, email ? { kind: 'email', email, name } : { kind: 'guest', name }),
    rows: (visitId: string) => withNotificationTables(t.database.db).selectFrom('notification_deliveries').selectAll().where('visit_id', '=', visitId).orderBy('kind').orderBy('channel').execute(),
    mailsTo: (address: string) => smtp.received.filter((m) => m.to && !Array.isArray(m.to) && m.to.value.some((v) => v.address === address)),
    async close() {
      mail.close();
      await t.close();
      await Promise.all([smtp.stop().catch(() => {}), webhook.stop(), push.stop()]);
    },
  };
}

/**
 * An email channel whose process "dies" right after handing a matching message to the mail server
 * (the send never returns, so nothing is recorded), until `revive()`.
 */
export function emailThatDiesAfterSending(matches: (message: NotificationMessage) => boolean = () => true) {
  let dying = true;
  return {
    wrapEmail: (email: NotificationChannel): NotificationChannel => ({
      ...email,
      async send(target, message) {
        await email.send(target, message);
        if (dying && matches(message)) await new Promise(() => {});
      },
    }),
    revive: () => void (dying = false),
  };
}

export type NotificationScene = Awaited<ReturnType<typeof startNotificationScene>>;
