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

export const everyone: readonly Role[] = ['kiosk', 'display', 'technician', 'admin'];
export const kioskAndStaff: readonly Role[] = ['kiosk', 'technician', 'admin'];
export const staff: readonly Role[] = ['technician', 'admin'];
export const publicRead: readonly Role[] = ['kiosk', 'display', 'technician', 'admin'];
export const adminOnly: readonly Role[] = ['admin'];
export const devices: readonly Role[] = ['kiosk', 'display'];
export const anyone: readonly RouteRole[] = ['anonymous', 'kiosk', 'display', 'technician', 'admin'];
export const anonymousOnly: readonly RouteRole[] = ['anonymous'];
