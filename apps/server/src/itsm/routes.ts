import type { FastifyPluginAsync, preHandlerHookHandler } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../db/connection.ts';
import type { ItsmDelivery } from './index.ts';
import { listDeadLetters } from './itsm-health.ts';

export interface ItsmRoutesOptions {
  db: Db;
  delivery: ItsmDelivery;
  /** Role checks from the app's auth: technicians and admins may read and retry. */
  authorize?: preHandlerHookHandler;
}

const Health = Type.Object({
  name: Type.String(),
  vendor: Type.String(),
  sites: Type.Array(Type.String()),
  breaker: Type.Union([Type.Literal('closed'), Type.Literal('open'), Type.Literal('half_open'), Type.Literal('isolated')]),
  lastSuccessAt: Type.Union([Type.String(), Type.Null()]),
  lastFailureAt: Type.Union([Type.String(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  backlog: Type.Integer(),
  deadLetters: Type.Integer(),
  oldestPendingSince: Type.Union([Type.String(), Type.Null()]),
});

const DeadLetter = Type.Object({
  visitId: Type.String(),
  siteId: Type.String(),
  ticketNumber: Type.String(),
  itsmTicketNumber: Type.Union([Type.String(), Type.Null()]),
  itsmTicketUrl: Type.Union([Type.String(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  attempts: Type.Integer(),
  failedAt: Type.String(),
});

/** Health per ITSM connection, dead letters, and the retry action. Register under the API prefix. */
export const itsmRoutes: FastifyPluginAsync<ItsmRoutesOptions> = async (app, { db, delivery, authorize }) => {
  const preHandler = authorize ? [authorize] : [];

  app.get('/itsm/health', {
    preHandler,
    schema: { tags: ['itsm'], response: { 200: Type.Object({ connections: Type.Array(Health) }) } },
    handler: async () => ({ connections: await delivery.health() }),
  });

  app.get<{ Querystring: { siteId?: string } }>('/itsm/dead-letters', {
    preHandler,
    schema: {
      tags: ['itsm'],
      querystring: Type.Object({ siteId: Type.Optional(Type.String()) }),
      response: { 200: Type.Object({ deadLetters: Type.Array(DeadLetter) }) },
    },
    handler: async (request) => ({ deadLetters: await listDeadLetters(db, request.query.siteId) }),
  });

  app.post<{ Params: { visitId: string }; Body: { skipFailedUpdate?: boolean } | undefined }>('/itsm/dead-letters/:visitId/retry', {
    preHandler,
    schema: {
      tags: ['itsm'],
      params: Type.Object({ visitId: Type.String() }),
      body: Type.Optional(Type.Object({ skipFailedUpdate: Type.Optional(Type.Boolean()) })),
      response: { 202: Type.Object({ visitId: Type.String(), state: Type.Literal('pending') }) },
    },
    handler: async (request, reply) => {
      await delivery.retry(request.params.visitId, { skipFailedUpdate: request.body?.skipFailedUpdate });
      return reply.code(202).send({ visitId: request.params.visitId, state: 'pending' as const });
    },
  });
};
