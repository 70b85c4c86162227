import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateVapidKeys, type VapidKeys } from './push-channel.ts';

/** Notification settings from the environment (read once, by config.ts). */
export interface NotificationConfig {
  smtp: { url: string; from: string } | null;
  webhook: { url: string; secret: string } | null;
  /** Configured VAPID keys; null lets demo mode generate its own in the data folder. */
  vapid: VapidKeys | null;
  vapidSubject: string;
}

export function parseNotificationConfig(env: Record<string, string | undefined>, problems: string[]): NotificationConfig {
  const opt = (key: string) => (env[key]?.trim() ? env[key]!.trim() : undefined);
  const smtpUrl = opt('WALKUP_SMTP_URL');
  const from = opt('WALKUP_MAIL_FROM');
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) problems.push('WALKUP_SMTP_URL (smtp://user:password@host:587 or smtps://…)');
  if (smtpUrl && !from) problems.push('WALKUP_MAIL_FROM (the sender address, e.g. "IT walk-up <it-walkup@example.org>")');
  const webhookUrl = opt('WALKUP_WEBHOOK_URL');
  const webhookSecret = opt('WALKUP_WEBHOOK_SECRET');
  if (webhookUrl && !/^https?:\/\//.test(webhookUrl)) problems.push('WALKUP_WEBHOOK_URL (http:// or https:// URL)');
  if (webhookUrl && (!webhookSecret || webhookSecret.length < 16)) problems.push('WALKUP_WEBHOOK_SECRET (at least 16 characters, signs every webhook body)');
  const publicKey = opt('WALKUP_VAPID_PUBLIC_KEY');
  const privateKey = opt('WALKUP_VAPID_PRIVATE_KEY');
  if (Boolean(publicKey) !== Boolean(privateKey)) problems.push('WALKUP_VAPID_PUBLIC_KEY and WALKUP_VAPID_PRIVATE_KEY (both or neither)');
  const vapidSubject = opt('WALKUP_VAPID_SUBJECT') ?? 'mailto:it-walkup@example.org';
  return {
    smtp: smtpUrl && from ? { url: smtpUrl, from } : null,
    webhook: webhookUrl && webhookSecret ? { url: webhookUrl, secret: webhookSecret } : null,
    vapid: publicKey && privateKey ? { publicKey, privateKey, subject: vapidSubject } : null,
    vapidSubject,
  };
}

export const vapidKeysFileName = 'vapid-keys.json';

/** Demo mode: VAPID keys made once and kept beside the database, so subscriptions survive restarts. */
export function loadOrCreateVapidKeys(dataDir: string, subject: string): VapidKeys {
  const file = path.join(dataDir, vapidKeysFileName);
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { publicKey: string; privateKey: string };
    return { ...saved, subject };
  }
  const keys = generateVapidKeys();
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return { ...keys, subject };
}
