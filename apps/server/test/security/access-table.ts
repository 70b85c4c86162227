import type { RouteRole } from '../../src/routes/route-roles.ts';

/**
 * THE declared access table: who may call each route. The matrix test checks every registered route
 * against it (a new route missing here fails), that the route's own `config.roles` agrees, and that
 * calling it as every role (and as nobody) is allowed or refused accordingly.
 */
const anyone: RouteRole[] = ['anonymous', 'kiosk', 'display', 'technician', 'admin'];
const everyone: RouteRole[] = ['kiosk', 'display', 'technician', 'admin'];
const kioskAndStaff: RouteRole[] = ['kiosk', 'technician', 'admin'];
const staff: RouteRole[] = ['technician', 'admin'];
const admin: RouteRole[] = ['admin'];

export const accessTable: Record<string, RouteRole[]> = {
  'GET /health': anyone,
  // Sign-in, pairing and single sign-on must work without credentials.
  'GET /api/auth/providers': anyone,
  'POST /api/auth/login': anyone,
  'GET /api/auth/oidc/start': anyone,
  'GET /api/auth/oidc/callback': anyone,
  'POST /api/devices/pair': anyone,
  'GET /api/auth/session': everyone,
  'POST /api/auth/logout': staff,
  // Site data: devices only ever see their own site (checked by the scope tests).
  'GET /api/sites': everyone,
  'GET /api/sites/:siteId/config': everyone,
  'GET /api/sites/:siteId/state': everyone,
  'POST /api/sites/:siteId/identify': kioskAndStaff,
  'POST /api/sites/:siteId/visits': kioskAndStaff,
  'GET /api/sites/:siteId/wait-accuracy': staff,
  'GET /ws': everyone,
  // Technician work.
  'GET /api/visits/:visitId': staff,
  'POST /api/visits/:visitId/call': staff,
  'POST /api/visits/:visitId/recall': staff,
  'POST /api/visits/:visitId/start': staff,
  'POST /api/visits/:visitId/resolve': staff,
  'POST /api/visits/:visitId/no-show': staff,
  'POST /api/visits/:visitId/transfer': staff,
  'POST /api/visits/:visitId/escalate': staff,
  // The visitor walked away: the kiosk may cancel its own site's ticket.
  'POST /api/visits/:visitId/cancel': kioskAndStaff,
  'POST /api/desks/:deskId/call-next': staff,
  'PUT /api/technicians/:technicianId/presence': staff,
  'GET /api/itsm/health': staff,
  'GET /api/itsm/dead-letters': staff,
  'POST /api/itsm/dead-letters/:visitId/retry': staff,
  // Administration.
  'POST /api/admin/sites/:siteId/pairing-codes': admin,
  'GET /api/admin/devices': admin,
  'POST /api/admin/devices/:deviceId/revoke': admin,
  'GET /api/admin/users': admin,
  'POST /api/admin/users': admin,
  'PATCH /api/admin/users/:userId': admin,
  'GET /api/admin/audit': admin,
  'POST /api/admin/privacy/export': admin,
  'POST /api/admin/privacy/erase': admin,
  'GET /api/admin/sites/:siteId/privacy': admin,
  'PUT /api/admin/sites/:siteId/privacy': admin,
};
