import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Email, Language, PersonName } from '../appointments/appointment-schemas.ts';
import { createMissLimiter } from '../auth/miss-limiter.ts';
import { ErrorResponse, Id, Localized, errorResponses } from '../routes/schemas.ts';
import { anyone } from '../routes/route-roles.ts';
import { resolveActiveVisitorToken } from '../visitor/visitor-access.ts';
import { VisitorTokenHeaders } from '../visitor/visitor-schemas.ts';
import { findIdentificationWays } from '../visitor-sso/visitor-identification.ts';
import { IdentificationWays } from '../visitor-sso/visitor-sso-schemas.ts';
import { arriveFromPhone } from './arrive.ts';
import { confirmRemoteCheckIn, requestRemoteCheckIn, requireRemoteCheckIn, type RemoteCheckInDeps } from './remote-check-in-requests.ts';

const SiteParams = Type.Object({ siteId: Id });
const Token = Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' });
// Anonymous routes, reachable from a poster: limits per IP and per email keep them from being used to
// flood mailboxes (the same per-IP limits as self-booking).
const perIp = (max: number) => ({ max, timeWindow: 60_000, keyGenerator: (request: { ip: string }) => request.ip });

/** Check in from a link or a QR poster, confirm by the emailed link, then say "I'm here". */
export async function remoteCheckInRoutes(root: FastifyInstance, deps: RemoteCheckInDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  // Each request to one address counts; after three in ten minutes each further one waits longer.
  const perEmail = createMissLimiter({ now: deps.now, freeMisses: 3 });

  app.get(
    '/api/sites/:siteId/remote-check-in',
    {
      config: { roles: anyone, rateLimit: perIp(60) },
      schema: {
        summary: 'What a visitor away from the kiosk may check in for: the site and its category tree (409 when the site has remote check-in off)',
        tags: ['visitor'],
        params: SiteParams,
        response: {
          200: Type.Object({
            siteId: Type.String(),
            name: Type.String(),
            defaultLanguage: Type.String(),
            languages: Type.Array(Type.String()),
            categories: Type.Array(Type.Object({ id: Type.String(), parentId: Type.Union([Type.String(), Type.Null()]), label: Localized, icon: Type.String(), leaf: Type.Boolean() })),
            identification: IdentificationWays,
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const setup = await requireRemoteCheckIn(deps, request.params.siteId);
      return {
        siteId: setup.site.id,
        name: setup.site.name,
        defaultLanguage: setup.site.defaultLanguage,
        languages: setup.site.languages,
        categories: setup.categories.map((c) => ({ id: c.id, parentId: c.parentId, label: c.label, icon: c.icon, leaf: c.queueId !== null })),
        identification: await findIdentificationWays(deps.db, deps, setup.site.id),
      };
    },
  );

  app.post(
    '/api/sites/:siteId/remote-check-ins',
    {
      config: { roles: anyone, csrf: false, rateLimit: perIp(5) },
      schema: {
        summary: 'Ask to join the queue from afar: a one-time link is emailed, and opening it checks the person in, "on the way"',
        tags: ['visitor'],
        params: SiteParams,
        body: Type.Object({ categoryId: Id, name: PersonName, email: Email, language: Language }, { additionalProperties: false }),
        response: { 202: Type.Object({ sentTo: Type.String(), expiresAt: Type.String() }), 429: ErrorResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const email = request.body.email.trim().toLowerCase();
      const wait = perEmail.secondsToWait(email);
      if (wait > 0) {
        return reply
          .status(429)
          .header('retry-after', String(wait))
          .send({ statusCode: 429, error: 'Too Many Requests', code: 'too_many_requests_for_email', message: `too many check-in links asked for this email; try again in ${wait} s` });
      }
      perEmail.recordMiss(email);
      return reply.status(202).send(await requestRemoteCheckIn(deps, { siteId: request.params.siteId, ...request.body }));
    },
  );

  app.post(
    '/api/remote-check-ins/confirm',
    {
      config: { roles: anyone, csrf: false, rateLimit: perIp(20) },
      schema: {
        summary: 'Open the emailed one-time link: checks the person in, on the way, and answers their phone page',
        tags: ['visitor'],
        body: Type.Object({ token: Token }, { additionalProperties: false }),
        response: { 201: Type.Object({ visitorLink: Type.String(), ticketNumber: Type.String() }), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await confirmRemoteCheckIn(deps, request.body.token)),
  );

  app.post(
    '/api/visitor/arrived',
    {
      config: { roles: anyone, csrf: false },
      schema: {
        summary: '"I’m here": a visitor on the way arrived and may be called (409 when already arrived)',
        tags: ['visitor'],
        headers: VisitorTokenHeaders,
        response: { 200: Type.Object({ ok: Type.Literal(true) }), ...errorResponses, 410: ErrorResponse },
      },
    },
    async (request) => {
      const link = await resolveActiveVisitorToken(deps.db, request.headers['x-visit-token']);
      await arriveFromPhone(deps, link.visitId);
      return { ok: true as const };
    },
  );
}
