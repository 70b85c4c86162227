import { Type } from 'typebox';
import type { Principal } from './principal.ts';

/** What a signed-in console or a paired device learns about itself. */
export const SessionView = Type.Union([
  Type.Object({
    kind: Type.Literal('user'),
    username: Type.String(),
    displayName: Type.String(),
    role: Type.Union([Type.Literal('technician'), Type.Literal('manager'), Type.Literal('site_admin'), Type.Literal('admin')]),
    technicianId: Type.Union([Type.String(), Type.Null()]),
    siteIds: Type.Union([Type.Array(Type.String()), Type.Literal('all')]),
    csrfToken: Type.String(),
  }),
  Type.Object({
    kind: Type.Literal('device'),
    deviceId: Type.String(),
    name: Type.String(),
    role: Type.Union([Type.Literal('kiosk'), Type.Literal('display')]),
    siteId: Type.String(),
  }),
]);

export function toSessionView(principal: Principal) {
  if (principal.kind === 'device') {
    return { kind: 'device' as const, deviceId: principal.deviceId, name: principal.name, role: principal.role, siteId: principal.siteIds[0]! };
  }
  const { username, displayName, role, technicianId, siteIds, csrfToken } = principal;
  return { kind: 'user' as const, username, displayName, role, technicianId, siteIds, csrfToken };
}
