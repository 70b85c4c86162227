import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ConflictError, DomainError } from '@walkup/domain';
import type { AuthDeps } from '../auth/auth-deps.ts';
import { BookedAppointment, IsoInstant, Language } from '../appointments/appointment-schemas.ts';
import { withCalendarFile, type AppointmentRouteDeps } from '../appointments/visitor-appointment-routes.ts';
import { findAppointmentSettings } from '../appointments/appointment-queries.ts';
import { requireRemoteCheckIn, type RemoteCheckInDeps } from '../remote-check-in/remote-check-in-requests.ts';
import { loadSiteSetup } from '../queries/sites.ts';
import { anyone } from '../routes/route-roles.ts';
import { ErrorResponse, Id, errorResponses } from '../routes/schemas.ts';
import { bookWithSso, checkInWithSso } from './visitor-sso-actions.ts';
import { clearVisitorIdentityCookie, startVisitorSignIn, visitorIdentityCookie, visitorPagePath } from './visitor-sso-callback.ts';
import { requireSsoIdentification, type SsoAvailability } from './visitor-identification.ts';
import { findVisitorIdentity, forgetVisitorIdentity, visitorSsoPurposes, type VisitorSsoPurpose } from './visitor-sso-identities.ts';

export type VisitorSsoDeps = RemoteCheckInDeps & AppointmentRouteDeps & SsoAvailability & Pick<AuthDeps, 'oidc' | 'secureCookies'>;

const Purpose = Type.Union(visitorSsoPurposes.map((p) => Type.Literal(p)));
const PageQuery = Type.Object({ siteId: Id, purpose: Purpose }, { additionalProperties: false });
const perIp = (max: number) => ({ max, timeWindow: 60_000, keyGenerator: (request: { ip: string }) => request.ip });
// The identity cookie is SameSite=Strict and these routes take JSON only, so another site can neither
// send it nor post a form with it; staff signed in on the same browser need no CSRF header here.
const visitorAction = { roles: anyone, csrf: false, rateLimit: perIp(5) };

/** The page the sign-in is for must take visitors that way now, or the visitor is told so at once. */
async function requirePage(deps: VisitorSsoDeps, siteId: string, purpose: VisitorSsoPurpose): Promise<void> {
  const setup = purpose === 'check-in' ? await requireRemoteCheckIn(deps, siteId) : await loadSiteSetup(deps.db, siteId);
  if (purpose === 'booking' && !(await findAppointmentSettings(deps.db, siteId))) throw new ConflictError('appointments_off', `${setup.site.name} does not take appointments`);
  await requireSsoIdentification(deps.db, deps, siteId, setup.site.name);
}

/** Visitors identify with their company account: remote check-in and self-booking without an email round trip. */
export async function visitorSsoRoutes(root: FastifyInstance, deps: VisitorSsoDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/visitor-sso/start',
    {
      config: { roles: anyone, rateLimit: perIp(30) },
      schema: { summary: "Sends a visitor to the company's single sign-on, back to the check-in or booking page", tags: ['visitor'], querystring: PageQuery },
    },
    async (request, reply) => {
      const { siteId, purpose } = request.query;
      await loadSiteSetup(deps.db, siteId);
      try {
        await requirePage(deps, siteId, purpose);
      } catch (error) {
        if (error instanceof DomainError) return reply.redirect(visitorPagePath(siteId, purpose, 'unavailable'));
        throw error;
      }
      return startVisitorSignIn(deps, request, reply, siteId, purpose);
    },
  );

  app.get(
    '/api/visitor-sso/identity',
    {
      config: { roles: anyone, rateLimit: perIp(60) },
      schema: {
        summary: 'Who the visitor signed in as, for this page (401 when not signed in, or the sign-in expired)',
        tags: ['visitor'],
        querystring: PageQuery,
        response: { 200: Type.Object({ name: Type.String(), email: Type.Union([Type.String(), Type.Null()]), employeeId: Type.Union([Type.String(), Type.Null()]), expiresAt: Type.String() }), ...errorResponses, 401: ErrorResponse },
      },
    },
    async (request) => {
      const identity = await findVisitorIdentity(deps.db, request.cookies[visitorIdentityCookie], deps.now(), request.query.siteId, request.query.purpose);
      return { name: identity.name, email: identity.email, employeeId: identity.employeeId, expiresAt: identity.expiresAt };
    },
  );

  app.delete(
    '/api/visitor-sso/identity',
    { config: { roles: anyone, csrf: false, rateLimit: perIp(30) }, schema: { summary: 'Forget the visitor sign-in (another person, or a shared phone)', tags: ['visitor'], response: { 204: Type.Null() } } },
    async (request, reply) => {
      await forgetVisitorIdentity(deps.db, request.cookies[visitorIdentityCookie]);
      clearVisitorIdentityCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/visitor-sso/check-ins',
    {
      config: visitorAction,
      schema: {
        summary: 'Check the signed-in visitor in at once, "on the way" (the sign-in serves once)',
        tags: ['visitor'],
        body: Type.Object({ siteId: Id, categoryId: Id, language: Language }, { additionalProperties: false }),
        response: { 201: Type.Object({ visitorLink: Type.String(), ticketNumber: Type.String() }), ...errorResponses, 401: ErrorResponse },
      },
    },
    async (request, reply) => {
      const result = await checkInWithSso(deps, request.cookies[visitorIdentityCookie], request.body);
      clearVisitorIdentityCookie(reply);
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/visitor-sso/bookings',
    {
      config: visitorAction,
      schema: {
        summary: 'Book a slot for the signed-in visitor at once (the sign-in serves once)',
        tags: ['appointments'],
        body: Type.Object({ siteId: Id, categoryId: Id, startsAt: IsoInstant, language: Language }, { additionalProperties: false }),
        response: { 201: BookedAppointment, ...errorResponses, 401: ErrorResponse },
      },
    },
    async (request, reply) => {
      const booked = await bookWithSso(deps, request.cookies[visitorIdentityCookie], request.body);
      clearVisitorIdentityCookie(reply);
      return reply.status(201).send(await withCalendarFile(deps, booked));
    },
  );
}
