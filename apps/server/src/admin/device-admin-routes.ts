import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/actor.ts';
import type { AuthDeps } from '../auth/auth-deps.ts';
import { findDevice, listDevices } from '../auth/device-store.ts';
import { ForbiddenError } from '../auth/auth-errors.ts';
import { canSeeSite } from '../auth/principal.ts';
import { ErrorResponse, Id, Uuid, errorResponses } from '../routes/schemas.ts';
import { siteAdmins } from '../routes/route-roles.ts';
import { createPairingCode, revokeDevice } from './devices.ts';

const DeviceRole = Type.Union([Type.Literal('kiosk'), Type.Literal('display')]);

export async function deviceAdminRoutes(root: FastifyInstance, deps: AuthDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/admin/sites/:siteId/pairing-codes',
    {
      config: { roles: siteAdmins },
      schema: {
        summary: 'Create a one-time pairing code for a kiosk or display of this site',
        tags: ['admin'],
        params: Type.Object({ siteId: Id }),
        body: Type.Object({ role: DeviceRole, name: Type.String({ minLength: 1, maxLength: 80 }) }, { additionalProperties: false }),
        response: { 201: Type.Object({ code: Type.String(), siteId: Type.String(), role: DeviceRole, name: Type.String(), expiresAt: Type.String() }), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createPairingCode(deps, actorOf(request), { siteId: request.params.siteId, ...request.body })),
  );

  app.get(
    '/api/admin/devices',
    {
      config: { roles: siteAdmins },
      schema: {
        summary: 'Enrolled kiosks and displays of the sites the caller configures (tokens are never shown again)',
        tags: ['admin'],
        querystring: Type.Object({ siteId: Type.Optional(Id) }, { additionalProperties: false }),
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              siteId: Type.String(),
              role: DeviceRole,
              name: Type.String(),
              createdAt: Type.String(),
              createdBy: Type.Union([Type.String(), Type.Null()]),
              lastSeenAt: Type.Union([Type.String(), Type.Null()]),
              revokedAt: Type.Union([Type.String(), Type.Null()]),
            }),
          ),
          400: ErrorResponse,
        },
      },
    },
    async (request) =>
      (await listDevices(deps.db, request.query.siteId)).filter((d) => canSeeSite(request.principal!, d.site_id)).map((d) => ({
        id: d.id,
        siteId: d.site_id,
        role: d.role,
        name: d.name,
        createdAt: d.created_at,
        createdBy: d.created_by,
        lastSeenAt: d.last_seen_at,
        revokedAt: d.revoked_at,
      })),
  );

  app.post(
    '/api/admin/devices/:deviceId/revoke',
    {
      config: { roles: siteAdmins },
      schema: {
        summary: 'Revoke a device: its token stops working and its live connections close at once',
        tags: ['admin'],
        params: Type.Object({ deviceId: Uuid }),
        response: { 200: Type.Object({ id: Type.String(), revokedAt: Type.String() }), ...errorResponses },
      },
    },
    async (request) => {
      // A site admin revokes the screens of their own sites only; an unknown id stays a 404 below.
      const device = await findDevice(deps.db, request.params.deviceId);
      if (device && !canSeeSite(request.principal!, device.site_id)) throw new ForbiddenError('other_site', 'this account may not revoke a device of another site');
      return revokeDevice(deps, actorOf(request), request.params.deviceId);
    },
  );
}
