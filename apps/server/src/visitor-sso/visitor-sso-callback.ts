import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthDeps } from '../auth/auth-deps.ts';
import type { OidcTransaction } from '../auth/oidc-client.ts';
import { cookieIsSecure, oidcTransactionPath, setOidcTransactionCookie } from '../auth/session-cookie.ts';
import { storeVisitorIdentity, visitorSsoPurposes, type VisitorSsoPurpose } from './visitor-sso-identities.ts';

/**
 * A visitor's sign-in returns to the staff callback (/api/auth/oidc/callback): providers then need
 * one redirect address only. What tells the two apart is the visitor's own transaction cookie and a
 * state beginning with `visitor.<purpose>.<site>.`, so a visitor never lands on the console, and this
 * path never creates a staff session.
 */
export const visitorTransactionCookie = 'walkup_visitor_oidc';
/** The visitor's short identity: sent only to the visitor SSO routes, never to another site's request. */
export const visitorIdentityCookie = 'walkup_visitor_sso';
const identityPath = '/api/visitor-sso';

export interface VisitorTransaction extends OidcTransaction {
  siteId: string;
  purpose: VisitorSsoPurpose;
}

type VisitorSsoCallbackDeps = Pick<AuthDeps, 'db' | 'now' | 'oidc' | 'secureCookies'>;

const statePattern = /^visitor\.(check-in|booking)\.([A-Za-z0-9_-]{1,64})\./;

export const visitorStatePrefix = (purpose: VisitorSsoPurpose, siteId: string) => `visitor.${purpose}.${siteId}.`;

/** The page that started the sign-in (the remote check-in or the booking page), with an error code to explain. */
export function visitorPagePath(siteId: string, purpose: VisitorSsoPurpose, error?: string): string {
  const page = `/visitor/?${purpose === 'check-in' ? 'checkin' : 'book'}=${encodeURIComponent(siteId)}`;
  return error ? `${page}&sso_error=${error}` : page;
}

function parseTransaction(raw: string): VisitorTransaction | null {
  try {
    const value = JSON.parse(raw) as Partial<VisitorTransaction>;
    const fields = [value.state, value.nonce, value.verifier, value.siteId];
    if (!fields.every((f) => typeof f === 'string') || !visitorSsoPurposes.includes(value.purpose as VisitorSsoPurpose)) return null;
    return value as VisitorTransaction;
  } catch {
    return null;
  }
}

export function readVisitorTransaction(request: FastifyRequest): VisitorTransaction | null {
  const cookie = request.cookies[visitorTransactionCookie];
  const unsigned = cookie ? request.unsignCookie(cookie) : null;
  return unsigned?.valid && unsigned.value ? parseTransaction(unsigned.value) : null;
}

/** Where a callback goes back to when it is a visitor's: from its cookie, or from the state once the cookie expired. */
export function visitorReturnOf(request: FastifyRequest, state: unknown, staffState: string | null): { siteId: string; purpose: VisitorSsoPurpose } | null {
  const transaction = readVisitorTransaction(request);
  if (transaction && state !== staffState) return { siteId: transaction.siteId, purpose: transaction.purpose };
  const match = typeof state === 'string' ? statePattern.exec(state) : null;
  return match ? { siteId: match[2]!, purpose: match[1] as VisitorSsoPurpose } : null;
}

export async function startVisitorSignIn(deps: VisitorSsoCallbackDeps, request: FastifyRequest, reply: FastifyReply, siteId: string, purpose: VisitorSsoPurpose) {
  const { url, transaction } = await deps.oidc!.startSignIn(visitorStatePrefix(purpose, siteId));
  setOidcTransactionCookie(request, reply, visitorTransactionCookie, { ...transaction, siteId, purpose }, deps.secureCookies);
  return reply.redirect(url);
}

/**
 * The provider's answer for a visitor: the code is exchanged (state, nonce and PKCE checked by
 * openid-client), and the person's name, email and employee id are kept server-side for one action.
 * Every failure goes back to the visitor's page with a code the page explains in words.
 */
export async function finishVisitorSignIn(deps: VisitorSsoCallbackDeps, request: FastifyRequest<{ Querystring: Record<string, string> }>, reply: FastifyReply, back: { siteId: string; purpose: VisitorSsoPurpose }) {
  const transaction = readVisitorTransaction(request);
  reply.clearCookie(visitorTransactionCookie, { path: oidcTransactionPath });
  const fail = (code: string) => reply.redirect(visitorPagePath(back.siteId, back.purpose, code));
  if (request.query.error === 'access_denied') return fail('cancelled');
  if (typeof request.query.error === 'string') return fail('provider_refused');
  if (!transaction) return fail('expired');
  if (!deps.oidc) return fail('unavailable');
  const callbackUrl = new URL(deps.oidc.settings.redirectUrl);
  callbackUrl.search = new URLSearchParams(request.query).toString();
  let identity;
  try {
    identity = await deps.oidc.finishSignIn(callbackUrl, transaction);
  } catch (error) {
    request.log.warn({ err: error }, 'visitor single sign-on callback rejected');
    return fail('rejected');
  }
  // Held to what a kiosk would accept, so a long name or an odd employee id cannot fail the check-in later.
  const email = identity.email && identity.email.length <= 254 && /^[^\s@]+@[^\s@]+$/.test(identity.email) ? identity.email : null;
  const employeeId = identity.employeeId && /^[A-Za-z0-9_-]{1,32}$/.test(identity.employeeId) ? identity.employeeId : null;
  if (!email && !employeeId) return fail('no_contact');
  const { token, expiresAt } = await storeVisitorIdentity(
    deps.db,
    { siteId: transaction.siteId, purpose: transaction.purpose, subject: identity.subject, name: identity.displayName.slice(0, 80), email, employeeId },
    deps.now(),
  );
  // Strict: once set, only this site's own requests carry it (a cross-site form or fetch cannot act with it).
  reply.setCookie(visitorIdentityCookie, token, { path: identityPath, httpOnly: true, sameSite: 'strict', secure: cookieIsSecure(request, deps.secureCookies), expires: new Date(expiresAt) });
  return reply.redirect(visitorPagePath(transaction.siteId, transaction.purpose));
}

export function clearVisitorIdentityCookie(reply: FastifyReply): void {
  reply.clearCookie(visitorIdentityCookie, { path: identityPath });
}
