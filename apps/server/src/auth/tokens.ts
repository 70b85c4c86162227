import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 bits from the OS generator, URL-safe: session cookies and device tokens. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Tokens are stored as SHA-256: they are long and random, so a slow hash would add nothing. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The CSRF token is derived from the session token, so it needs no storage and dies with the session.
 * A cross-site page can make the browser send the cookie but cannot read this value.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('walkup-csrf-v1').digest('base64url');
}

const pairingAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Eight characters without look-alikes (no 0/O, 1/I/L), shown as XXXX-XXXX and typed on a touch screen. */
export function randomPairingCode(): string {
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => pairingAlphabet[b % pairingAlphabet.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** Case, spaces and the dash do not matter when a person types the code. */
export function normalisePairingCode(code: string): string {
  const bare = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return bare.length === 8 ? `${bare.slice(0, 4)}-${bare.slice(4)}` : bare;
}
