import type { AccountRole, Role } from '@walkup/protocol';

/**
 * Who is calling, resolved once per request from the device token or the session cookie.
 * `siteIds: 'all'` is for admins; everyone else is scoped to a list.
 */
export type Principal =
  | { kind: 'device'; role: 'kiosk' | 'display'; deviceId: string; name: string; siteIds: string[] }
  | {
      kind: 'user';
      role: AccountRole;
      userId: string;
      username: string;
      displayName: string;
      technicianId: string | null;
      siteIds: string[] | 'all';
      /** Hash of the session token: identifies the session for sign-out and live connections. */
      sessionHash: string;
      /** CSRF token of the session, compared with the x-csrf-token header. */
      csrfToken: string;
      /** When the session ends; open websockets of the session close then. */
      expiresAt?: string;
    };

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export function roleOf(principal: Principal | null): Role | 'anonymous' {
  return principal?.role ?? 'anonymous';
}

/** Roles whose account is given a list of sites by an admin (technicians see their queues' sites, admins all). */
export function hasGivenSites(role: AccountRole): boolean {
  return role === 'manager' || role === 'site_admin';
}

export function canSeeSite(principal: Principal, siteId: string): boolean {
  return principal.siteIds === 'all' || principal.siteIds.includes(siteId);
}

/** What the audit log and rate limiter call this caller. */
export function principalLabel(principal: Principal | null, ip: string): string {
  if (!principal) return `ip:${ip}`;
  return principal.kind === 'device' ? `device:${principal.deviceId}` : `user:${principal.username}`;
}
