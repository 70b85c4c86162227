import { isActive, type VisitState } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import type { Transact } from './decide-notifications.ts';
import { PermanentSendError, RetryableSendError, type NotificationChannel, type NotificationMessage } from './notification-channel.ts';
import { withNotificationTables, type NotificationRow } from './notification-schema.ts';
import { findVisitWording, readVisitTarget } from './notification-store.ts';
import { createFeedbackLink } from '../visitor/feedback-links.ts';
import { feedbackState, feedbackWindowHours } from '../visitor/give-feedback.ts';

export interface DeliverContext {
  db: Db;
  transact: Transact;
  channels: Map<string, NotificationChannel>;
  now: () => Date;
  random: () => number;
  backoff: { baseMs: number; capMs: number; maxAttempts: number };
  logger: { warn: (...args: any[]) => void };
  /** The closing email's link for one face of a feedback token. */
  feedbackUrl: (token: string, score: 1 | 2 | 3) => string;
}

/**
 * One notification, at most once: the row is claimed (`sending`) and committed before the channel
 * is called, and the visit is checked still active and not opted out in that same transaction.
 * A crash after the claim leaves the row `sending`, which the next start closes without sending.
 */
export async function deliverNotification(ctx: DeliverContext, due: NotificationRow): Promise<void> {
  const channel = ctx.channels.get(due.channel);
  const claimed = await ctx.transact(async (trx) => {
    const n = withNotificationTables(trx);
    const nowIso = ctx.now().toISOString();
    const row = await n.selectFrom('notification_deliveries').selectAll().where('id', '=', due.id).executeTakeFirst();
    if (!row || (row.state !== 'pending' && row.state !== 'retrying')) return null;
    const visit = await trx.selectFrom('visits').select(['state', 'on_the_way']).where('id', '=', row.visit_id).executeTakeFirst();
    // The closing email is about a resolved visit; every other notification about an active one.
    const closing = row.kind === 'feedback';
    const current = visit && (closing ? visit.state === 'resolved' : isActive(visit.state as VisitState));
    const target = current ? await readVisitTarget(trx, { visitId: row.visit_id, siteId: row.site_id }, nowIso) : null;
    const feedbackOpen = closing && current ? (await feedbackState(trx, row.visit_id, ctx.now().getTime())).open : true;
    const reason =
      !current
        ? closing
          ? 'visit not resolved'
          : 'visit ended'
        : !feedbackOpen
          ? 'feedback given or closed'
        : (row.kind === 'almost_up' || row.kind === 'come_over') && visit.state !== 'waiting'
          ? 'already called' // a late "you are 3rd" after "it's your turn" would mislead
          : row.kind === 'come_over' && visit.on_the_way !== 1
            ? 'already arrived' // "walk over now" to someone at the tech bar would mislead
          : !target
            ? 'opted out'
            : !channel || !channel.reaches(target)
              ? 'channel unavailable'
              : null;
    if (reason) {
      await n.updateTable('notification_deliveries').set({ state: 'cancelled', last_error: reason, updated_at: nowIso }).where('id', '=', row.id).execute();
      return null;
    }
    await n.updateTable('notification_deliveries').set({ state: 'sending', attempts: row.attempts + 1, updated_at: nowIso }).where('id', '=', row.id).execute();
    const feedbackToken = closing ? await createClosingFeedbackLink(trx, row, nowIso) : null;
    return { row, target: target!, feedbackToken };
  });
  if (!claimed || !channel) return;
  const { row, target, feedbackToken } = claimed;
  const message = JSON.parse(row.payload) as NotificationMessage;
  if (feedbackToken) message.feedbackUrls = [ctx.feedbackUrl(feedbackToken, 1), ctx.feedbackUrl(feedbackToken, 2), ctx.feedbackUrl(feedbackToken, 3)];
  let outcome: { state: 'sent' | 'retrying' | 'failed'; error: string | null; nextAt?: string };
  try {
    await channel.send(target, message);
    outcome = { state: 'sent', error: null };
  } catch (error) {
    const text = (error as Error).message.slice(0, 500);
    const attempts = row.attempts + 1;
    if (error instanceof RetryableSendError && attempts < ctx.backoff.maxAttempts) {
      // Full jitter: many visits failing on one mail server do not all come back at the same instant.
      const delay = Math.min(ctx.backoff.capMs, ctx.backoff.baseMs * 2 ** (attempts - 1)) * (0.5 + ctx.random() / 2);
      outcome = { state: 'retrying', error: text, nextAt: new Date(ctx.now().getTime() + delay).toISOString() };
    } else {
      // Permanent refusals, too many attempts, and unknown outcomes (the peer may have it) stop here.
      if (!(error instanceof PermanentSendError) && !(error instanceof RetryableSendError)) ctx.logger.warn({ channel: row.channel, error: text }, 'notification outcome unknown; not sent again');
      outcome = { state: 'failed', error: text };
    }
  }
  const nowIso = ctx.now().toISOString();
  await ctx.transact((trx) =>
    withNotificationTables(trx)
      .updateTable('notification_deliveries')
      .set({ state: outcome.state, last_error: outcome.error, next_attempt_at: outcome.nextAt ?? row.next_attempt_at, updated_at: nowIso })
      .where('id', '=', row.id)
      .execute(),
  );
}

/** The email's token lives as long as the visit's feedback window: made at send time, so no copy of it is stored. */
async function createClosingFeedbackLink(trx: Db, row: NotificationRow, at: string): Promise<string> {
  const { endedAt } = await findVisitWording(trx, row.visit_id);
  const expiresAt = new Date(Date.parse(endedAt ?? at) + feedbackWindowHours * 3600_000).toISOString();
  return createFeedbackLink(trx, { visitId: row.visit_id, siteId: row.site_id, purpose: 'email', at, expiresAt });
}
