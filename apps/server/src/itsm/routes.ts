import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../db/connection.ts';
import { staff } from '../routes/route-roles.ts';
import { errorResponses } from '../routes/schemas.ts';
import type { ItsmDelivery } from './index.ts';
import type { SiteItsmAdapters } from './site-itsm-adapters.ts';
import { listDeadLetters } from './itsm-health.ts';
import { setupCheckRoutes } from './setup-check-routes.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

const ConnectionHealth = Type.Object({
  name: Type.String(),
  vendor: Type.String(),
  sites: Type.Array(Type.String()),
  breaker: Type.Union([Type.Literal('closed'), Type.Literal('open'), Type.Literal('half_open'), Type.Literal('isolated')]),
  lastSuccessAt: Nullable(Type.String()),
  lastFailureAt: Nullable(Type.String()),
  lastError: Nullable(Type.String()),
  backlog: Type.Integer(),
  deadLetters: Type.Integer(),
  oldestPendingSince: Nullable(Type.String()),
  setup: Type.Optional(
    Type.Object({
      state: Type.Union([Type.Literal('ok'), Type.Literal('failing'), Type.Literal('unchecked')]),
      checkedAt: Nullable(Type.String()),
      failures: Type.Array(Type.String()),
    }),
  ),
});

const DeadLetter = Type.Object({
  visitId: Type.String(),
  siteId: Type.String(),
  ticketNumber: Type.String(),
  itsmTicketNumber: Nullable(Type.String()),
  itsmTicketUrl: Nullable(Type.String()),
  error: Nullable(Type.String()),
  attempts: Type.Integer(),
  failedAt: Type.String(),
});

/**
 * Health per ITSM connection, dead letters and the retry action, for technicians and admins.
 * Register inside the /api scope: `await itsmRoutes(api, { db: deps.db, delivery: itsm })`.
 */
export async function itsmRoutes(root: FastifyInstance, deps: { db: Db; delivery: ItsmDelivery; adapters?: SiteItsmAdapters }): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  await setupCheckRoutes(root, deps);

  app.get(
    '/api/itsm/health',
    {
      config: { roles: staff },
      schema: { summary: 'ITSM connections: last success, breaker state, backlog, dead letters', tags: ['itsm'], response: { 200: Type.Object({ connections: Type.Array(ConnectionHealth) }), ...errorResponses } },
    },
    async () => ({ connections: await deps.delivery.health() }),
  );

  app.get(
    '/api/itsm/dead-letters',
    {
      config: { roles: staff },
      schema: {
        summary: 'Visits whose ticket the ITSM refused (400/403/404/422), newest first',
        tags: ['itsm'],
        querystring: Type.Object({ siteId: Type.Optional(Type.String({ maxLength: 100 })) }),
        response: { 200: Type.Object({ deadLetters: Type.Array(DeadLetter) }), ...errorResponses },
      },
    },
    async (request) => ({ deadLetters: await listDeadLetters(deps.db, request.query.siteId, request.principal?.siteIds ?? []) }),
  );

  app.post(
    '/api/itsm/dead-letters/:visitId/retry',
    {
      config: { roles: staff },
      schema: {
        summary: 'Retry a dead-lettered visit now; skipFailedUpdate drops the update the ITSM keeps refusing',
        tags: ['itsm'],
        params: Type.Object({ visitId: Type.String({ maxLength: 100 }) }),
        body: Type.Optional(Type.Object({ skipFailedUpdate: Type.Optional(Type.Boolean()) }, { additionalProperties: false })),
        response: { 202: Type.Object({ visitId: Type.String(), state: Type.Literal('pending') }), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deps.delivery.retry(request.params.visitId, { skipFailedUpdate: request.body?.skipFailedUpdate });
      return reply.code(202).send({ visitId: request.params.visitId, state: 'pending' as const });
    },
  );
}
