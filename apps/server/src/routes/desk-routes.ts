import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { callNextVisitor } from '../use-cases/call-visitor.ts';
import { setTechnicianPresence } from '../use-cases/set-presence.ts';
import type { UseCaseDeps } from '../use-cases/deps.ts';
import { Id, Visit, errorResponses } from './schemas.ts';
import { staff } from './route-roles.ts';

export async function deskRoutes(root: FastifyInstance, deps: UseCaseDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/desks/:deskId/call-next',
    {
      config: { roles: staff },
      schema: {
        summary: 'Call the next visitor to this desk (priority first, then longest wait, across the technician’s queues)',
        description: '200 with the called visit, or 204 when nobody is waiting in the technician’s queues.',
        tags: ['desks'],
        params: Type.Object({ deskId: Id }),
        body: Type.Object({ technicianId: Id }, { additionalProperties: false }),
        response: { 200: Visit, 204: Type.Null({ description: 'Nobody is waiting' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const visit = await callNextVisitor(deps, request.params.deskId, request.body.technicianId);
      if (!visit) return reply.status(204).send(null);
      return visit;
    },
  );

  app.put(
    '/api/technicians/:technicianId/presence',
    {
      config: { roles: staff },
      schema: {
        summary: 'Set where a technician sits and whether they take visitors',
        tags: ['desks'],
        params: Type.Object({ technicianId: Id }),
        body: Type.Object(
          {
            siteId: Id,
            deskId: Type.Union([Id, Type.Null()]),
            status: Type.Union([Type.Literal('available'), Type.Literal('break'), Type.Literal('off')]),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ technicianId: Type.String(), deskId: Type.Union([Type.String(), Type.Null()]), status: Type.String(), since: Type.String() }),
          ...errorResponses,
        },
      },
    },
    async (request) => setTechnicianPresence(deps, { technicianId: request.params.technicianId, ...request.body }),
  );
}
