import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { pairDevice } from '../admin/devices.ts';
import { ErrorResponse } from '../routes/schemas.ts';
import { anyone } from '../routes/route-roles.ts';
import type { AuthDeps } from './auth-deps.ts';

export async function deviceRoutes(root: FastifyInstance, deps: AuthDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/devices/pair',
    {
      // Codes have 40 bits and expire in minutes; ten tries per IP and minute makes guessing hopeless.
      config: { roles: anyone, csrf: false, rateLimit: { max: 10, timeWindow: 60_000, keyGenerator: (request) => request.ip } },
      schema: {
        summary: 'A kiosk or display exchanges a one-time pairing code for its long-lived device token',
        tags: ['auth'],
        body: Type.Object({ code: Type.String({ minLength: 4, maxLength: 20 }) }, { additionalProperties: false }),
        response: {
          201: Type.Object({ token: Type.String(), deviceId: Type.String(), siteId: Type.String(), role: Type.Union([Type.Literal('kiosk'), Type.Literal('display')]), name: Type.String() }),
          400: ErrorResponse,
          401: ErrorResponse,
        },
      },
    },
    async (request, reply) => reply.status(201).send(await pairDevice(deps, { code: request.body.code, ip: request.ip })),
  );
}
