import type { Role } from '@walkup/protocol';

/** A caller without any credential; only sign-in, pairing and health accept it. */
export type RouteRole = Role | 'anonymous';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Who may call the route. Declared on every /api route and enforced in one place
     * (auth/authorize.ts); an /api route without it is refused to everyone.
     */
    roles?: readonly RouteRole[];
  }
}

export const everyone: readonly Role[] = ['kiosk', 'display', 'technician', 'manager', 'site_admin', 'admin'];
export const kioskAndStaff: readonly Role[] = ['kiosk', 'technician', 'admin'];
export const staff: readonly Role[] = ['technician', 'admin'];
export const publicRead: readonly Role[] = ['kiosk', 'display', 'technician', 'manager', 'site_admin', 'admin'];
export const adminOnly: readonly Role[] = ['admin'];
export const devices: readonly Role[] = ['kiosk', 'display'];
export const anyone: readonly RouteRole[] = ['anonymous', 'kiosk', 'display', 'technician', 'manager', 'site_admin', 'admin'];
/** People with an account (signing out); managers read figures but act on no visit. */
export const signedInPeople: readonly Role[] = ['technician', 'manager', 'site_admin', 'admin'];
/** Figures, the live board and staffing: a manager or site admin sees the sites of their account, an admin all. */
export const managerAndAdmin: readonly Role[] = ['manager', 'site_admin', 'admin'];
/**
 * One site's configuration (its queues, tree, desks, technicians, hours, settings, pairing its
 * screens): admins everywhere, a site admin on the sites of their account (auth/scope.ts checks the
 * `:siteId`). Company-wide routes (sites list aside) stay `adminOnly`.
 */
export const siteAdmins: readonly Role[] = ['site_admin', 'admin'];
export const anonymousOnly: readonly RouteRole[] = ['anonymous'];
