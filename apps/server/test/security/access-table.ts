import type { RouteRole } from '../../src/routes/route-roles.ts';

/**
 * THE declared access table: who may call each route. The matrix test checks every registered route
 * against it (a new route missing here fails), that the route's own `config.roles` agrees, and that
 * calling it as every role (and as nobody) is allowed or refused accordingly.
 */
const anyone: RouteRole[] = ['anonymous', 'kiosk', 'display', 'technician', 'manager', 'site_admin', 'admin'];
const everyone: RouteRole[] = ['kiosk', 'display', 'technician', 'manager', 'site_admin', 'admin'];
const signedInPeople: RouteRole[] = ['technician', 'manager', 'site_admin', 'admin'];
const managerAndAdmin: RouteRole[] = ['manager', 'site_admin', 'admin'];
/** One site's configuration: a site admin on their own sites (site-scope tests), admins everywhere. */
const siteAdmins: RouteRole[] = ['site_admin', 'admin'];
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
  'POST /api/auth/logout': signedInPeople,
  // Figures: managers see their own sites (site-scope tests), admins all.
  'GET /api/reports/figures': managerAndAdmin,
  'GET /api/reports/figures.csv': managerAndAdmin,
  'GET /api/reports/visits': managerAndAdmin,
  'GET /api/reports/visits.csv': managerAndAdmin,
  'GET /api/manager/board': managerAndAdmin,
  'PUT /api/manager/sites/:siteId/target': managerAndAdmin,
  'POST /api/manager/sites/:siteId/staffing': managerAndAdmin,
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
  // The visitor changed their mind: a kiosk may cancel the ticket it has just printed (kiosk-cancel.test.ts).
  'POST /api/visits/:visitId/cancel': kioskAndStaff,
  'POST /api/desks/:deskId/call-next': staff,
  'PUT /api/technicians/:technicianId/presence': staff,
  'GET /api/itsm/health': staff,
  'GET /api/itsm/dead-letters': staff,
  'POST /api/itsm/dead-letters/:visitId/retry': staff,
  // Appointments: people book from a link or poster without an account (rate-limited per IP); the
  // manage routes need the token of the confirmation email.
  'GET /api/sites/:siteId/booking-options': anyone,
  'GET /api/sites/:siteId/appointment-slots': anyone,
  'POST /api/sites/:siteId/appointment-requests': anyone,
  'POST /api/appointments/confirm': anyone,
  'GET /api/appointments/by-link': anyone,
  'GET /api/appointments/by-link/calendar': anyone,
  'POST /api/appointments/by-link/reschedule': anyone,
  'POST /api/appointments/by-link/cancel': anyone,
  'POST /api/sites/:siteId/appointments': staff,
  'GET /api/sites/:siteId/appointments': staff,
  'POST /api/appointments/:appointmentId/reschedule': staff,
  'POST /api/appointments/:appointmentId/cancel': staff,
  'POST /api/sites/:siteId/appointments/check-in': kioskAndStaff,
  'GET /api/admin/sites/:siteId/appointment-settings': siteAdmins,
  'PUT /api/admin/sites/:siteId/appointment-settings': siteAdmins,
  'POST /api/admin/itsm/connections/:name/test': admin,
  'GET /api/admin/itsm/connections': admin,
  'POST /api/admin/itsm/connections': admin,
  'PUT /api/admin/itsm/connections/:name': admin,
  'DELETE /api/admin/itsm/connections/:name': admin,
  'PUT /api/admin/sites/:siteId/itsm-connection': admin,
  // Administration.
  'POST /api/admin/sites/:siteId/pairing-codes': siteAdmins,
  'GET /api/admin/devices': siteAdmins,
  'POST /api/admin/devices/:deviceId/revoke': siteAdmins,
  'GET /api/admin/users': admin,
  'POST /api/admin/users': admin,
  'PATCH /api/admin/users/:userId': admin,
  'GET /api/admin/audit': admin,
  'POST /api/admin/privacy/export': admin,
  'POST /api/admin/privacy/erase': admin,
  'GET /api/admin/sites/:siteId/privacy': admin,
  'PUT /api/admin/sites/:siteId/privacy': admin,
  // A visitor's phone page needs no account: the visit token in its header (or first socket message) is the credential.
  'GET /api/visitor/ticket': anyone,
  'GET /api/visitor/live': anyone,
  'POST /api/visits/:visitId/visitor-link': staff,
  'POST /api/visitor/step-away': anyone,
  'POST /api/visitor/back': anyone,
  'POST /api/visitor/cancel': anyone,
  'GET /api/visitor/feedback': anyone,
  'POST /api/visitor/feedback': anyone,
  'GET /api/admin/sites/:siteId/visitor-settings': siteAdmins,
  'PUT /api/admin/sites/:siteId/visitor-settings': siteAdmins,
  // Live configuration (issue 14).
  'GET /api/admin/sites': siteAdmins,
  'POST /api/admin/sites': admin,
  'GET /api/admin/sites/:siteId/setup': siteAdmins,
  'PATCH /api/admin/sites/:siteId': siteAdmins,
  'POST /api/admin/sites/:siteId/queues': siteAdmins,
  'PATCH /api/admin/sites/:siteId/queues/:queueId': siteAdmins,
  'PUT /api/admin/sites/:siteId/queue-order': siteAdmins,
  'POST /api/admin/sites/:siteId/categories': siteAdmins,
  'PATCH /api/admin/sites/:siteId/categories/:categoryId': siteAdmins,
  'PUT /api/admin/sites/:siteId/category-order': siteAdmins,
  'POST /api/admin/sites/:siteId/desks': siteAdmins,
  'PATCH /api/admin/sites/:siteId/desks/:deskId': siteAdmins,
  'POST /api/admin/sites/:siteId/technicians': siteAdmins,
  'PATCH /api/admin/sites/:siteId/technicians/:technicianId': siteAdmins,
  'PUT /api/admin/sites/:siteId/opening-hours': siteAdmins,
  'POST /api/admin/sites/:siteId/closures': siteAdmins,
  'DELETE /api/admin/sites/:siteId/closures/:closureId': siteAdmins,
  'PATCH /api/admin/sites/:siteId/settings': siteAdmins,
  'GET /api/admin/config/export': admin,
  'POST /api/admin/config/import': admin,
  // Notifications: the visit token (header) or the email's opt-out token (path) is the credential.
  'GET /api/visitor/notifications': anyone,
  'PUT /api/visitor/notifications/push': anyone,
  'PUT /api/visitor/notifications/opt-out': anyone,
  'GET /api/notifications/opt-out/:token': anyone,
  'POST /api/notifications/opt-out/:token': anyone,
  'GET /api/admin/sites/:siteId/notification-settings': siteAdmins,
  'PUT /api/admin/sites/:siteId/notification-settings': siteAdmins,
  // A missed call comes back with the visit's own token, within the site's grace window.
  'GET /api/visitor/rejoin': anyone,
  'POST /api/visitor/rejoin': anyone,
  // Remote check-in (issue 16): from a link or a poster without an account (rate-limited per IP and
  // per email); the emailed one-time link is the credential, then the visit token says "I'm here".
  'GET /api/sites/:siteId/remote-check-in': anyone,
  'POST /api/sites/:siteId/remote-check-ins': anyone,
  'POST /api/remote-check-ins/confirm': anyone,
  'POST /api/visitor/arrived': anyone,
  // Visitors identify by single sign-on (issues 16, 17): the provider is the credential, and what it
  // gives is a short visitor identity (its own cookie, used once), never a role (authorization-matrix.test.ts).
  'GET /api/visitor-sso/start': anyone,
  'GET /api/visitor-sso/identity': anyone,
  'DELETE /api/visitor-sso/identity': anyone,
  'POST /api/visitor-sso/check-ins': anyone,
  'POST /api/visitor-sso/bookings': anyone,
  // The message to everyone waiting: technicians and admins (managers too, once that role lands).
  // Feedback away from the phone: the closing email's or the kiosk's feedback token (header) is the
  // credential; only a kiosk looks up the visit of a badge passing by (rate-limited on misses).
  'GET /api/feedback': anyone,
  'POST /api/feedback': anyone,
  'POST /api/sites/:siteId/feedback-lookup': ['kiosk'],
  'POST /api/sites/:siteId/broadcast': signedInPeople,
  'DELETE /api/sites/:siteId/broadcast': signedInPeople,
};
