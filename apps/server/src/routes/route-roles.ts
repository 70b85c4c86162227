import type { Role } from '@walkup/protocol';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route. Declared on every route; enforced by the auth layer. */
    roles?: readonly Role[];
  }
}

export const everyone: readonly Role[] = ['kiosk', 'display', 'technician', 'admin'];
export const kioskAndStaff: readonly Role[] = ['kiosk', 'technician', 'admin'];
export const staff: readonly Role[] = ['technician', 'admin'];
export const publicRead: readonly Role[] = ['kiosk', 'display', 'technician', 'admin'];
