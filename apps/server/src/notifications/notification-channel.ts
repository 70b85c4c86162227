import type { ChannelName, NotificationKind } from './notification-schema.ts';

/** What one notification says; fixed when the worker decides to send it. Nothing but this visit's own facts. */
export interface NotificationMessage {
  /** Idempotency key for peers that honour one (the delivery row id). */
  id: string;
  kind: NotificationKind;
  language: 'en' | 'fr';
  siteName: string;
  ticketNumber: string;
  /** Place in line (almost_up, come_over). */
  position: number | null;
  /** Expected minutes until their turn (come_over), when an estimate was made. */
  expectedMinutes?: number | null;
  /** Desk name (called). */
  deskName: string | null;
  /** One-tap opt-out link (absolute when a public URL is configured). */
  optOutUrl: string;
  /** The closing email's links, unhappy / neutral / happy: added when it is sent, never stored. */
  feedbackUrls?: [string, string, string];
}

/** Where a channel sends for one visit: the visitor's email, their phone's push subscription, or nothing (webhook). */
export interface ChannelTarget {
  email: string | null;
  pushSubscription: PushSubscriptionJson | null;
}

export interface PushSubscriptionJson {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/**
 * Each channel throws RetryableSendError when the peer certainly did not take the message (refused
 * connection, a 4xx/5xx answer): the worker retries it later. Any other error leaves the outcome
 * unknown, and the notification is not sent again (at most once).
 */
export class RetryableSendError extends Error {}
export class PermanentSendError extends Error {}

export interface NotificationChannel {
  name: ChannelName;
  /** Whether the channel can reach this visit at all (e.g. an email address is known). */
  reaches(target: ChannelTarget): boolean;
  send(target: ChannelTarget, message: NotificationMessage): Promise<void>;
}
