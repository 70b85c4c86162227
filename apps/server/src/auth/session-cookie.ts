import type { FastifyReply, FastifyRequest } from 'fastify';

export const sessionCookieName = 'walkup_session';

/** Secure whenever the browser reached us over https (directly or through a trusted proxy). */
export function cookieIsSecure(request: FastifyRequest, forceSecure: boolean): boolean {
  return forceSecure || request.protocol === 'https';
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date, forceSecure: boolean): void {
  // Strict: no other site can make the browser send it, which also keeps cross-site websockets out.
  reply.setCookie(sessionCookieName, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: cookieIsSecure(request, forceSecure), expires: expiresAt });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, forceSecure: boolean): void {
  reply.clearCookie(sessionCookieName, { path: '/', httpOnly: true, sameSite: 'strict', secure: cookieIsSecure(request, forceSecure) });
}

/** Where both single sign-on transactions (staff and visitor) live: only the callback reads them. */
export const oidcTransactionPath = '/api/auth/oidc';

/** A single sign-on transaction (state, nonce, PKCE verifier...), signed, for the ten minutes at the provider. */
export function setOidcTransactionCookie(request: FastifyRequest, reply: FastifyReply, name: string, transaction: object, forceSecure: boolean): void {
  // Lax, not Strict: the provider's redirect back is a cross-site navigation that must carry it.
  reply.setCookie(name, JSON.stringify(transaction), { path: oidcTransactionPath, httpOnly: true, sameSite: 'lax', secure: cookieIsSecure(request, forceSecure), signed: true, maxAge: 600 });
}
