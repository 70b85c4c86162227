import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { closureAt, serviceDay, siteAvailability } from '@walkup/domain';
import { listSites, loadSiteSetup, findSite } from '../queries/sites.ts';
import { listWaitAccuracy } from '../queries/visits.ts';
import { identifyVisitor } from '../use-cases/identify-visitor.ts';
import { loadSiteSnapshot } from '../use-cases/site-view.ts';
import type { UseCaseDeps } from '../use-cases/deps.ts';
import { ErrorResponse, Id, Localized, NobodyServing, WaitEstimate, errorResponses } from './schemas.ts';
import { kioskAndStaff, publicRead, staff } from './route-roles.ts';
import { ForbiddenError } from '../auth/auth-errors.ts';
import { canSeeSite, principalLabel } from '../auth/principal.ts';
import { createMissLimiter, lookUpWithMissLimit } from '../auth/miss-limiter.ts';

const SiteSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  timeZone: Type.String(),
  defaultLanguage: Type.String(),
  languages: Type.Array(Type.String()),
});

const SiteParams = Type.Object({ siteId: Id });

export async function siteRoutes(root: FastifyInstance, deps: UseCaseDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/sites',
    { config: { roles: publicRead }, schema: { summary: 'List the walk-up sites the caller may see', tags: ['sites'], response: { 200: Type.Array(SiteSummary) } } },
    async (request) =>
      (await listSites(deps.db))
        .filter((site) => canSeeSite(request.principal!, site.id))
        .map(({ id, name, timeZone, defaultLanguage, languages }) => ({ id, name, timeZone, defaultLanguage, languages })),
  );

  app.get(
    '/api/sites/:siteId/config',
    {
      config: { roles: publicRead },
      schema: {
        summary: 'Site configuration for kiosks and consoles: queues, category tree, desks, technicians',
        tags: ['sites'],
        params: SiteParams,
        response: {
          200: Type.Object({
            ...SiteSummary.properties,
            open: Type.Boolean(),
            showNamesOnDisplay: Type.Boolean(),
            noShowGraceSeconds: Type.Integer(),
            queues: Type.Array(Type.Object({ id: Type.String(), prefix: Type.String(), name: Localized })),
            categories: Type.Array(
              Type.Object({ id: Type.String(), parentId: Type.Union([Type.String(), Type.Null()]), label: Localized, icon: Type.String(), queueId: Type.Union([Type.String(), Type.Null()]) }),
            ),
            desks: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
            technicians: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), queueIds: Type.Array(Type.String()) })),
            escalationGroups: Type.Array(Type.String()),
            openingHours: Type.Record(Type.String(), Type.Array(Type.Tuple([Type.String(), Type.String()])), {
              description: 'Per weekday (sun..sat), ranges of local HH:MM times in the site time zone',
            }),
            acceptsCheckIn: Type.Boolean({ description: 'false when closed or past the last check-in before closing' }),
            closedMessage: Type.Union([Localized, Type.Null()], { description: 'the message of today’s holiday or closure, if any' }),
            checkInCutoffMinutes: Type.Integer(),
            welcomeText: Type.Union([Localized, Type.Null()]),
            logoUrl: Type.Union([Type.String(), Type.Null()]),
          }),
          404: ErrorResponse,
        },
      },
    },
    async (request) => {
      const setup = await loadSiteSetup(deps.db, request.params.siteId);
      const { site } = setup;
      const now = deps.now();
      // From the configuration just read, not the estimator's last figures: on PostgreSQL those are
      // published a moment after a change, and a kiosk refetching on the change event got "open" from
      // before a closure with "no check-in" from after it.
      const availability = siteAvailability(site, now);
      return {
        id: site.id,
        name: site.name,
        timeZone: site.timeZone,
        defaultLanguage: site.defaultLanguage,
        languages: site.languages,
        open: availability.open,
        showNamesOnDisplay: site.showNamesOnDisplay,
        noShowGraceSeconds: site.noShowGraceSeconds,
        queues: setup.queues.map(({ id, prefix, name }) => ({ id, prefix, name })),
        categories: setup.categories.map(({ id, parentId, label, icon, queueId }) => ({ id, parentId, label, icon, queueId })),
        desks: setup.desks,
        technicians: setup.technicians,
        escalationGroups: site.escalationGroups,
        openingHours: site.openingHours,
        acceptsCheckIn: availability.acceptsCheckIn,
        closedMessage: closureAt(site, now)?.message ?? null,
        checkInCutoffMinutes: site.checkInCutoffMinutes,
        welcomeText: site.welcomeText,
        logoUrl: site.logoUrl,
      };
    },
  );

  app.get(
    '/api/sites/:siteId/state',
    {
      config: { roles: publicRead },
      schema: {
        summary: 'Live state of a site: queues with waiting count and estimate, people being served, sequence number',
        description: 'Same content as the websocket snapshot. `audience=staff` (technicians and admins only) includes names and notes.',
        tags: ['sites'],
        params: SiteParams,
        querystring: Type.Object({ audience: Type.Optional(Type.Union([Type.Literal('public'), Type.Literal('staff')])) }, { additionalProperties: false }),
        response: {
          403: ErrorResponse,
          200: Type.Object({
            siteId: Type.String(),
            seq: Type.Integer(),
            open: Type.Boolean(),
            queues: Type.Array(
              Type.Object({
                id: Type.String(),
                prefix: Type.String(),
                name: Localized,
                waitingCount: Type.Integer(),
                estimate: WaitEstimate,
                nobodyServing: Type.Optional(NobodyServing),
              }),
            ),
            serving: Type.Array(Type.Object({ visitId: Type.String(), ticketNumber: Type.String(), deskId: Type.String(), state: Type.String(), visitorName: Type.Union([Type.String(), Type.Null()]) })),
            view: Type.Unknown({ description: 'The full SiteView (see packages/domain/src/site-view.ts)' }),
          }),
          404: ErrorResponse,
        },
      },
    },
    async (request) => {
      const audience = request.query.audience ?? 'public';
      const role = request.principal!.role;
      if (audience === 'staff' && role !== 'technician' && role !== 'admin') {
        throw new ForbiddenError('staff_only', 'only technicians and admins see names and notes');
      }
      const { view, estimates } = await loadSiteSnapshot(deps, request.params.siteId, audience);
      return {
        siteId: view.siteId,
        seq: view.seq,
        open: estimates.open,
        queues: view.queues.map((q) => ({
          ...q,
          waitingCount: view.visits.filter((v) => v.queueId === q.id && v.state === 'waiting').length,
          estimate: estimates.queues[q.id] ?? null,
          ...(estimates.nobodyServing?.[q.id] ? { nobodyServing: estimates.nobodyServing[q.id] } : {}),
        })),
        serving: view.visits
          .filter((v) => v.deskId && (v.state === 'called' || v.state === 'in_service'))
          .map((v) => ({ visitId: v.id, ticketNumber: v.ticketNumber, deskId: v.deskId!, state: v.state, visitorName: v.visitorName })),
        view: { ...view, estimates: { queues: estimates.queues, visits: estimates.visits, nobodyServing: estimates.nobodyServing ?? {} } },
      };
    },
  );

  // Per device (or staff account): unknown identifiers slow the caller down so ids cannot be walked.
  const identifyMisses = createMissLimiter({ now: deps.now });
  app.post(
    '/api/sites/:siteId/identify',
    {
      config: { roles: kioskAndStaff },
      schema: {
        summary: 'Is this badge, employee id or email in the directory? (kiosk identification step)',
        description:
          '`identifier` is what the visitor entered: tried as a badge, then an employee id, then an email. The answer is only how it matched and a first name to greet; check-in resolves the identifier again. Repeated unknown identifiers from one device are answered 429 with retry-after.',
        tags: ['kiosk'],
        params: SiteParams,
        body: Type.Object(
          {
            identifier: Type.Optional(Type.String({ minLength: 1, maxLength: 254, pattern: '^[^\\u0000-\\u001f\\u007f]+$' })),
            badgeId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9:_-]+$' })),
            email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
            employeeId: Type.Optional(Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_-]+$' })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            kind: Type.Union([Type.Literal('badge'), Type.Literal('employee_id'), Type.Literal('email')]),
            displayName: Type.String({ description: 'First name only, for "Hello Marie"' }),
          }),
          429: ErrorResponse,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      await findSite(deps.db, request.params.siteId);
      const refusal = { code: 'too_many_unknown_identifiers', message: (wait: number) => `too many unknown badges or ids from this device; try again in ${wait} s, or continue as a guest` };
      return lookUpWithMissLimit(identifyMisses, principalLabel(request.principal, request.ip), reply, refusal, () => identifyVisitor(deps, request.body));
    },
  );

  app.get(
    '/api/sites/:siteId/wait-accuracy',
    {
      config: { roles: staff },
      schema: {
        summary: "Estimated (at check-in) against actual waits for one service day (default: today)",
        tags: ['statistics'],
        params: SiteParams,
        querystring: Type.Object({ day: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })) }, { additionalProperties: false }),
        response: {
          200: Type.Array(
            Type.Object({
              visitId: Type.String(),
              ticketNumber: Type.String(),
              checkedInAt: Type.String(),
              estimatedSeconds: Type.Union([Type.Integer(), Type.Null()]),
              lowSeconds: Type.Union([Type.Integer(), Type.Null()]),
              highSeconds: Type.Union([Type.Integer(), Type.Null()]),
              actualSeconds: Type.Union([Type.Integer(), Type.Null()]),
            }),
          ),
          404: ErrorResponse,
        },
      },
    },
    async (request) => {
      const site = await findSite(deps.db, request.params.siteId);
      return listWaitAccuracy(deps.db, site.id, request.query.day ?? serviceDay(deps.now(), site.timeZone));
    },
  );
}
