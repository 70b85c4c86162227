import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listAudit } from '../auth/audit.ts';
import type { AuthDeps } from '../auth/auth-deps.ts';
import { ErrorResponse } from '../routes/schemas.ts';
import { adminOnly } from '../routes/route-roles.ts';

export async function auditRoutes(root: FastifyInstance, deps: AuthDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/admin/audit',
    {
      config: { roles: adminOnly },
      schema: {
        summary: 'Audit log of admin actions and sign-ins, newest first (page with ?before=<id>)',
        tags: ['admin'],
        querystring: Type.Object(
          { before: Type.Optional(Type.Integer({ minimum: 1 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.Integer(),
              at: Type.String(),
              actor: Type.String(),
              action: Type.String(),
              target: Type.Union([Type.String(), Type.Null()]),
              outcome: Type.String(),
              ip: Type.Union([Type.String(), Type.Null()]),
              detail: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
            }),
          ),
          400: ErrorResponse,
        },
      },
    },
    async (request) => listAudit(deps.db, { before: request.query.before, limit: request.query.limit ?? 100 }),
  );
}
