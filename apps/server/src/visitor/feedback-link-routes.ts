import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { createMissLimiter, lookUpWithMissLimit } from '../auth/miss-limiter.ts';
import { principalLabel } from '../auth/principal.ts';
import { findSite } from '../queries/sites.ts';
import { ErrorResponse, Id, errorResponses } from '../routes/schemas.ts';
import { anyone } from '../routes/route-roles.ts';
import type { UseCaseDeps } from '../use-cases/deps.ts';
import { resolveFeedbackToken } from './feedback-links.ts';
import { feedbackState, giveFeedback } from './give-feedback.ts';
import { openKioskFeedback } from './kiosk-feedback.ts';
import { FeedbackBody, FeedbackStatus } from './visitor-schemas.ts';

/** A feedback token rides in a header, like a visitor link's: it never lands in an access log. */
const FeedbackTokenHeaders = Type.Object({ 'x-feedback-token': Type.String({ minLength: 16, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' }) });
const feedbackErrors = { ...errorResponses, 410: ErrorResponse };

/**
 * Feedback away from the phone page: the closing email's faces and the kiosk's "How did it go?".
 * Both hold a token that gives one visit's feedback and nothing else; the use case keeps it to one per visit.
 */
export async function feedbackLinkRoutes(root: FastifyInstance, deps: UseCaseDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const config = { roles: anyone, csrf: false };

  app.get(
    '/api/feedback',
    { config, schema: { summary: 'Whether the visit of this feedback link can still take its one feedback', tags: ['visitor'], headers: FeedbackTokenHeaders, response: { 200: FeedbackStatus, ...feedbackErrors } } },
    async (request) => {
      const link = await resolveFeedbackToken(deps.db, request.headers['x-feedback-token'], deps.now().getTime());
      const { open, ticketNumber } = await feedbackState(deps.db, link.visitId, deps.now().getTime());
      return { open, ticketNumber };
    },
  );

  app.post(
    '/api/feedback',
    {
      config,
      schema: {
        summary: 'Feedback with a feedback link (closing email, kiosk): 1 unhappy, 2 neutral, 3 happy, optional comment; once per visit (409 after, 410 once the link expired)',
        tags: ['visitor'],
        headers: FeedbackTokenHeaders,
        body: FeedbackBody,
        response: { 201: Type.Object({ score: Type.Integer() }), ...feedbackErrors },
      },
    },
    async (request, reply) => {
      const link = await resolveFeedbackToken(deps.db, request.headers['x-feedback-token'], deps.now().getTime());
      await giveFeedback(deps, link.visitId, request.body.score, request.body.comment ?? null);
      return reply.status(201).send({ score: request.body.score });
    },
  );

  // Per kiosk: scanning badge after badge to learn who visited slows down like unknown identifiers do.
  const misses = createMissLimiter({ now: deps.now });
  app.post(
    '/api/sites/:siteId/feedback-lookup',
    {
      config: { roles: ['kiosk'] },
      schema: {
        summary: 'Kiosk "How did it go?": the visit of this badge, employee id or email resolved here in the last hours without feedback, and a short-lived token to rate it',
        tags: ['kiosk'],
        params: Type.Object({ siteId: Id }),
        body: Type.Object({ identifier: Type.String({ minLength: 1, maxLength: 254, pattern: '^[^\\u0000-\\u001f\\u007f]+$' }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ ticketNumber: Type.String(), feedbackToken: Type.String() }), 429: ErrorResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      await findSite(deps.db, request.params.siteId);
      const refusal = { code: 'too_many_lookups', message: (wait: number) => `too many lookups that found nothing from this kiosk; try again in ${wait} s` };
      return lookUpWithMissLimit(misses, principalLabel(request.principal, request.ip), reply, refusal, () => openKioskFeedback(deps, request.params.siteId, request.body.identifier));
    },
  );
}
