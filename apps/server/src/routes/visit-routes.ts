import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from 'typebox';
import type { Visit as VisitModel } from '@walkup/domain';
import { findVisitRow, toVisit } from '../queries/visits.ts';
import { checkInVisitor } from '../use-cases/check-in.ts';
import { callSpecificVisitor } from '../use-cases/call-visitor.ts';
import {
  cancelVisit,
  escalateVisit,
  markNoShow,
  recallVisitor,
  resolveVisit,
  startService,
  transferVisit,
} from '../use-cases/visit-actions.ts';
import { cancelVisitFromKiosk } from '../use-cases/cancel-from-kiosk.ts';
import type { UseCaseDeps } from '../use-cases/deps.ts';
import { ErrorResponse, Id, Localized, Uuid, Visit, VisitorIdentity, WaitEstimate, errorResponses } from './schemas.ts';
import { kioskAndStaff, staff } from './route-roles.ts';

const VisitWithLabels = Type.Object({
  ...Visit.properties,
  categoryLabel: Type.Union([Localized, Type.Null()], { description: 'null for visits checked in before labels were kept' }),
  queueName: Type.Union([Localized, Type.Null()]),
});
const VisitParams = Type.Object({ visitId: Uuid });
const TechnicianId = Id;
const ShortText = (max: number) => Type.String({ maxLength: max });

export async function visitRoutes(root: FastifyInstance, deps: UseCaseDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/sites/:siteId/visits',
    {
      config: { roles: kioskAndStaff },
      schema: {
        summary: 'Check in: category + visitor identity + optional note -> ticket number, position, estimate',
        tags: ['kiosk'],
        params: Type.Object({ siteId: Id }),
        body: Type.Object(
          {
            categoryId: Id,
            visitor: VisitorIdentity,
            note: Type.Optional(ShortText(200)),
            language: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('fr')], { description: 'The language the visitor used: their notifications speak it' })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            id: Type.String(),
            ticketNumber: Type.String(),
            queueId: Type.String(),
            position: Type.Integer(),
            estimate: WaitEstimate,
            visitorLink: Type.String(),
            appointment: Type.Optional(Type.Object({ startsAt: Type.String(), kept: Type.Boolean() }, { description: 'The booking this visitor came for, and whether it was kept (false: too late, served as a walk-in)' })),
            arrived: Type.Optional(Type.Boolean({ description: 'True when a visitor on the way (remote check-in) identified at the kiosk: their own ticket, now arrived' })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const kioskDeviceId = principal.kind === 'device' ? principal.deviceId : undefined;
      const result = await checkInVisitor(deps, { siteId: request.params.siteId, ...request.body, kioskDeviceId });
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/visits/:visitId',
    { config: { roles: staff }, schema: { summary: 'One visit, with the labels it was checked in with', tags: ['visits'], params: VisitParams, response: { 200: VisitWithLabels, 404: ErrorResponse } } },
    async (request) => {
      const row = await findVisitRow(deps.db, request.params.visitId);
      // The labels of check-in time: a category renamed or archived since does not rewrite history.
      return { ...toVisit(row), categoryLabel: row.category_label ? JSON.parse(row.category_label) : null, queueName: row.queue_name ? JSON.parse(row.queue_name) : null };
    },
  );

  /** Declares one technician action on a visit: a body schema and the use case it calls. */
  function action<B extends TSchema>(path: string, summary: string, body: B, run: (visitId: string, body: any) => Promise<VisitModel>) {
    app.post(
      `/api/visits/:visitId/${path}`,
      { config: { roles: staff }, schema: { summary, tags: ['visits'], params: VisitParams, body, response: { 200: Visit, ...errorResponses } } },
      async (request) => run(request.params.visitId, request.body),
    );
  }

  const strict = { additionalProperties: false };
  action('call', 'Call this visitor out of order to a desk', Type.Object({ technicianId: TechnicianId, deskId: Id }, strict), (id, b) =>
    callSpecificVisitor(deps, id, b.deskId, b.technicianId),
  );
  action('recall', 'Call the same visitor again (display and announcement repeat)', Type.Object({ technicianId: TechnicianId }, strict), (id, b) =>
    recallVisitor(deps, id, b.technicianId),
  );
  action('start', 'The visitor arrived at the desk: service starts', Type.Object({ technicianId: TechnicianId }, strict), (id, b) =>
    startService(deps, id, b.technicianId),
  );
  action(
    'resolve',
    'Resolve with a resolution note',
    Type.Object({ technicianId: TechnicianId, note: Type.String({ minLength: 1, maxLength: 2000 }) }, strict),
    (id, b) => resolveVisit(deps, id, b.technicianId, b.note),
  );
  action('no-show', 'The called visitor did not come (after the grace period)', Type.Object({ technicianId: TechnicianId }, strict), (id, b) =>
    markNoShow(deps, id, b.technicianId),
  );
  action(
    'transfer',
    'Move to another queue; the visitor keeps the original check-in time',
    Type.Object({ technicianId: TechnicianId, queueId: Id, reason: Type.Optional(ShortText(500)) }, strict),
    (id, b) => transferVisit(deps, id, { technicianId: b.technicianId, queueId: b.queueId, reason: b.reason ?? null }),
  );
  action(
    'escalate',
    'Hand over to a level-2/3 group: ends the walk-up visit, the ITSM ticket is reassigned',
    Type.Object({ technicianId: TechnicianId, group: Type.String({ minLength: 1, maxLength: 100 }), note: Type.Optional(ShortText(2000)) }, strict),
    (id, b) => escalateVisit(deps, id, { technicianId: b.technicianId, group: b.group, note: b.note ?? null }),
  );

  app.post(
    '/api/visits/:visitId/cancel',
    {
      config: { roles: kioskAndStaff },
      schema: {
        summary: 'Cancel a waiting or called visit (the visitor left)',
        description: 'A kiosk may cancel only the visit it has just created, while its ticket screen shows (403 otherwise); staff cancel any visit of their sites.',
        tags: ['visits'],
        params: VisitParams,
        body: Type.Object({ reason: Type.Optional(ShortText(500)) }, { additionalProperties: false }),
        response: { 200: Visit, 403: ErrorResponse, ...errorResponses },
      },
    },
    async (request) => {
      const principal = request.principal!;
      const reason = request.body.reason ?? null;
      if (principal.kind === 'device') return cancelVisitFromKiosk(deps, request.params.visitId, principal.deviceId, reason);
      return cancelVisit(deps, request.params.visitId, reason);
    },
  );
}
