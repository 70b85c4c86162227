import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/actor.ts';
import type { AuthDeps } from '../auth/auth-deps.ts';
import { Visit, errorResponses } from '../routes/schemas.ts';
import { adminOnly } from '../routes/route-roles.ts';
import { erasePersonData, exportPersonData } from './person-data.ts';

const PersonKey = Type.Object(
  {
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    badgeId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    employeeId: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  },
  { additionalProperties: false, minProperties: 1, maxProperties: 1 },
);

/** `onErased`: erasure rewrites rows without events, so in-memory views of sites must be read again. */
export async function privacyRoutes(root: FastifyInstance, deps: AuthDeps & { onErased?: () => void }): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/admin/privacy/export',
    {
      config: { roles: adminOnly },
      schema: {
        summary: "Export one visitor's data (subject access request): their visits and the events of those visits",
        tags: ['admin'],
        body: PersonKey,
        response: { 200: Type.Object({ exportedAt: Type.String(), visits: Type.Array(Visit), events: Type.Array(Type.Unknown()), appointments: Type.Array(Type.Unknown()) }), ...errorResponses },
      },
    },
    async (request) => exportPersonData(deps, actorOf(request), request.body),
  );

  app.post(
    '/api/admin/privacy/erase',
    {
      config: { roles: adminOnly },
      schema: {
        summary: "Erase one visitor's personal data now (visits stay, anonymised, for the statistics)",
        tags: ['admin'],
        body: PersonKey,
        response: { 200: Type.Object({ erasedVisits: Type.Integer() }), ...errorResponses },
      },
    },
    async (request) => {
      const result = await erasePersonData(deps, actorOf(request), request.body);
      deps.onErased?.();
      return result;
    },
  );
}
