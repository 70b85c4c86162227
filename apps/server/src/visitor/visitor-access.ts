import { randomUUID } from 'node:crypto';
import { DomainError, GoneError, isActive, type VisitState } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import { hashToken, randomToken } from '../auth/tokens.ts';
import { findVisitorLinkByHash, insertVisitorLink } from './visitor-links.ts';

/** Where the visitor front end shows a ticket; the token rides in the fragment, which browsers never send to a server. */
export const visitorTicketPath = '/visitor/ticket';

export function visitorLinkPath(token: string): string {
  return `${visitorTicketPath}#${token}`;
}

/**
 * Creates a visit's personal link inside the caller's transaction and returns the token, which is
 * never stored: 256 random bits, kept as SHA-256 only (like device tokens).
 */
export async function createVisitorLink(trx: Db, visit: { visitId: string; siteId: string }, at: string): Promise<string> {
  const token = randomToken();
  await insertVisitorLink(trx, { id: randomUUID(), visit_id: visit.visitId, site_id: visit.siteId, token_hash: hashToken(token), created_at: at });
  return token;
}

export type VisitorLinkTarget = NonNullable<Awaited<ReturnType<typeof findVisitorLinkByHash>>> & { state: VisitState };

/** The visit a token opens, whatever its state; unknown and revoked tokens are one and the same 404. */
export async function resolveVisitorToken(db: Db, token: string): Promise<VisitorLinkTarget> {
  const link = await findVisitorLinkByHash(db, hashToken(token));
  if (!link) throw new DomainError('not_found', 'visitor_link_unknown', 'this visitor link is unknown or was revoked; ask at the desk for a new one');
  return link as VisitorLinkTarget;
}

/** A token reads its visit only while the visit is active: the link dies with the visit. */
export async function resolveActiveVisitorToken(db: Db, token: string): Promise<VisitorLinkTarget> {
  const link = await resolveVisitorToken(db, token);
  if (!isActive(link.state)) throw new GoneError('visit_ended', `ticket ${link.ticketNumber} is over (${link.state.replace('_', ' ')}); this link no longer shows it`);
  return link;
}
