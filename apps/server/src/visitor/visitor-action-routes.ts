import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { stepAwayMinutes } from '@walkup/domain';
import { ErrorResponse, errorResponses } from '../routes/schemas.ts';
import { anyone } from '../routes/route-roles.ts';
import { cancelVisit } from '../use-cases/visit-actions.ts';
import { resolveActiveVisitorToken, resolveVisitorToken } from './visitor-access.ts';
import { feedbackState, giveFeedback } from './give-feedback.ts';
import type { VisitorRouteDeps } from './visitor-routes.ts';
import { returnFromAway, stepAway } from './step-away.ts';
import { rejoinState, rejoinVisit } from './rejoin-visit.ts';
import { FeedbackBody, FeedbackStatus, VisitorTokenHeaders } from './visitor-schemas.ts';

const Done = Type.Object({ ok: Type.Literal(true) });
const responses = { 200: Done, ...errorResponses, 410: ErrorResponse };

/** What a visitor can do about their own place in line from the phone; the live ticket follows on the socket. */
export async function visitorActionRoutes(root: FastifyInstance, deps: VisitorRouteDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const config = { roles: anyone, csrf: false };

  app.post(
    '/api/visitor/step-away',
    {
      config,
      schema: {
        summary: '"I need more time": keep my place, skip me until then (up to the site’s limit per visit)',
        tags: ['visitor'],
        headers: VisitorTokenHeaders,
        body: Type.Object({ minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })) }, { additionalProperties: false }),
        response: responses,
      },
    },
    async (request) => {
      const link = await resolveActiveVisitorToken(deps.db, request.headers['x-visit-token']);
      await stepAway(deps, link.visitId, request.body.minutes ?? stepAwayMinutes);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/visitor/back',
    { config, schema: { summary: '"I’m back": callable again at once, in the place kept', tags: ['visitor'], headers: VisitorTokenHeaders, response: responses } },
    async (request) => {
      const link = await resolveActiveVisitorToken(deps.db, request.headers['x-visit-token']);
      await returnFromAway(deps, link.visitId);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/visitor/cancel',
    { config, schema: { summary: '"I can’t come any more": cancels the ticket', tags: ['visitor'], headers: VisitorTokenHeaders, response: responses } },
    async (request) => {
      const link = await resolveActiveVisitorToken(deps.db, request.headers['x-visit-token']);
      await cancelVisit(deps, link.visitId, 'cancelled by the visitor from their phone');
      return { ok: true as const };
    },
  );

  // Like feedback, rejoining works on a link whose visit ended (a no-show), for the grace window only.
  app.get(
    '/api/visitor/rejoin',
    {
      config,
      schema: {
        summary: 'Whether the visit of this link missed its call and may still rejoin at the front, and until when',
        tags: ['visitor'],
        headers: VisitorTokenHeaders,
        response: { 200: Type.Object({ open: Type.Boolean(), openUntil: Type.Union([Type.String(), Type.Null()]) }), ...errorResponses },
      },
    },
    async (request) => {
      const link = await resolveVisitorToken(deps.db, request.headers['x-visit-token']);
      const { openUntil } = await rejoinState(deps.db, link.visitId, deps.now().getTime());
      return { open: openUntil !== null, openUntil };
    },
  );

  app.post(
    '/api/visitor/rejoin',
    {
      config,
      schema: {
        summary: '"I’m here now — rejoin": a missed call comes back, waiting at the front, within the site’s grace window (409 after)',
        tags: ['visitor'],
        headers: VisitorTokenHeaders,
        response: { 200: Done, ...errorResponses },
      },
    },
    async (request) => {
      const link = await resolveVisitorToken(deps.db, request.headers['x-visit-token']);
      await rejoinVisit(deps, link.visitId);
      return { ok: true as const };
    },
  );

  // Feedback outlives the visit on purpose: the link stops showing the ticket when the visit ends,
  // but may still say "how did it go" once, for a limited time.
  app.get(
    '/api/visitor/feedback',
    {
      config,
      schema: {
        summary: 'Whether the visit of this link can still take its one feedback',
        tags: ['visitor'],
        headers: VisitorTokenHeaders,
        response: { 200: FeedbackStatus, ...errorResponses },
      },
    },
    async (request) => {
      const link = await resolveVisitorToken(deps.db, request.headers['x-visit-token']);
      const { open, ticketNumber } = await feedbackState(deps.db, link.visitId, deps.now().getTime());
      return { open, ticketNumber };
    },
  );

  app.post(
    '/api/visitor/feedback',
    {
      config,
      schema: {
        summary: 'One tap after a resolved visit: 1 unhappy, 2 neutral, 3 happy, optional comment; once per visit (409 after)',
        tags: ['visitor'],
        headers: VisitorTokenHeaders,
        body: FeedbackBody,
        response: { 201: Type.Object({ score: Type.Integer() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const link = await resolveVisitorToken(deps.db, request.headers['x-visit-token']);
      await giveFeedback(deps, link.visitId, request.body.score, request.body.comment ?? null);
      return reply.status(201).send({ score: request.body.score });
    },
  );
}
