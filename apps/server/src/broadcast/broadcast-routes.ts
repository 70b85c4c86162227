import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { broadcastMaxLength, broadcastMaxMinutes } from '@walkup/domain';
import { Id, errorResponses } from '../routes/schemas.ts';
import { signedInPeople } from '../routes/route-roles.ts';
import type { UseCaseDeps } from '../use-cases/deps.ts';
import { clearBroadcast, postBroadcast } from './post-broadcast.ts';

// Technicians and admins; the manager role (another branch) joins here once it lands.
// Technicians at the desks and managers of the site both tell the waiting room about delays.
const broadcasters = signedInPeople;

const Broadcast = Type.Object({ message: Type.String(), postedAt: Type.String(), expiresAt: Type.String() });

/** Staff tell everyone waiting at a site something ("we are running 15 minutes late"): phones and wall displays show it. */
export async function broadcastRoutes(root: FastifyInstance, deps: UseCaseDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const params = Type.Object({ siteId: Id });

  app.post(
    '/api/sites/:siteId/broadcast',
    {
      config: { roles: broadcasters },
      schema: {
        summary: `Show a short message (at most ${broadcastMaxLength} characters) to everyone waiting, until it expires (default 60 minutes) or is cleared`,
        tags: ['sites'],
        params,
        // The length is checked in characters by the domain rule, with a message naming it; the schema only bounds the body.
        body: Type.Object(
          { message: Type.String({ maxLength: broadcastMaxLength * 4 }), expiresInMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: broadcastMaxMinutes })) },
          { additionalProperties: false },
        ),
        response: { 201: Broadcast, ...errorResponses },
      },
    },
    async (request, reply) => {
      const broadcast = await postBroadcast(deps, request.params.siteId, request.body.message, request.body.expiresInMinutes);
      return reply.status(201).send(broadcast);
    },
  );

  app.delete(
    '/api/sites/:siteId/broadcast',
    {
      config: { roles: broadcasters },
      schema: { summary: 'Take the message to waiting visitors down now', tags: ['sites'], params, response: { 204: Type.Null(), ...errorResponses } },
    },
    async (request, reply) => {
      await clearBroadcast(deps, request.params.siteId);
      return reply.status(204).send(null);
    },
  );
}
