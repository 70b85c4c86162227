import { DomainError, GoneError } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import type { FeedbackLinksTable } from '../db/schema.ts';
import { hashToken, randomToken } from '../auth/tokens.ts';

/** Where the phone page shows "How did it go?" for a feedback link; the token rides in the fragment. */
export function feedbackPagePath(token: string, score: 1 | 2 | 3): string {
  return `/visitor/feedback?score=${score}#${token}`;
}

/**
 * A token that can give one resolved visit's feedback and nothing else: 256 random bits, kept as
 * SHA-256. The closing email's lives as long as the feedback window; the kiosk's a few minutes.
 */
export async function createFeedbackLink(trx: Db, link: { visitId: string; siteId: string; purpose: FeedbackLinksTable['purpose']; at: string; expiresAt: string }): Promise<string> {
  const token = randomToken();
  await trx
    .insertInto('feedback_links')
    .values({ token_hash: hashToken(token), visit_id: link.visitId, site_id: link.siteId, purpose: link.purpose, created_at: link.at, expires_at: link.expiresAt })
    .execute();
  return token;
}

/** The visit a feedback token is for: unknown tokens are a 404, expired ones a 410. */
export async function resolveFeedbackToken(db: Db, token: string, nowMs: number): Promise<{ visitId: string; siteId: string }> {
  const row = await db.selectFrom('feedback_links').select(['visit_id', 'site_id', 'expires_at']).where('token_hash', '=', hashToken(token)).executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'feedback_link_unknown', 'this feedback link is unknown');
  if (Date.parse(row.expires_at) <= nowMs) throw new GoneError('feedback_link_expired', 'this feedback link has expired');
  return { visitId: row.visit_id, siteId: row.site_id };
}
