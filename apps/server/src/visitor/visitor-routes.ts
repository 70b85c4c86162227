import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { GoneError } from '@walkup/domain';
import { ErrorResponse, Uuid, errorResponses } from '../routes/schemas.ts';
import { anyone, staff } from '../routes/route-roles.ts';
import type { UseCaseDeps } from '../use-cases/deps.ts';
import { resolveActiveVisitorToken } from './visitor-access.ts';
import type { VisitorHub } from './visitor-hub.ts';
import { reissueVisitorLink } from './reissue-visitor-link.ts';
import { VisitorLinkSchema, VisitorTicketSchema, VisitorTokenHeaders } from './visitor-schemas.ts';
import { buildVisitorTicket } from './visitor-ticket.ts';

export interface VisitorRouteDeps extends UseCaseDeps {
  visitorHub: VisitorHub;
}

const visitorErrors = { ...errorResponses, 410: ErrorResponse };

/**
 * The visitor's phone page, without an account: the token opens exactly one visit. CSRF checks are
 * off because the token in a custom header, not a cookie, is the credential.
 */
export async function visitorRoutes(root: FastifyInstance, deps: VisitorRouteDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/visitor/ticket',
    {
      config: { roles: anyone, csrf: false },
      schema: {
        summary: 'The ticket of the visit a visitor link opens: queue, position, estimate, desk (410 once the visit ended)',
        tags: ['visitor'],
        headers: VisitorTokenHeaders,
        response: { 200: VisitorTicketSchema, ...visitorErrors },
      },
    },
    async (request) => {
      const link = await resolveActiveVisitorToken(deps.db, request.headers['x-visit-token']);
      const view = await deps.views.view(link.siteId);
      const ticket = buildVisitorTicket(await deps.visitorHub.sourcesFor(view, deps.estimates.forView(view)), link.visitId);
      if (!ticket) throw new GoneError('visit_ended', `ticket ${link.ticketNumber} is over; this link no longer shows it`);
      return ticket;
    },
  );

  app.post(
    '/api/visits/:visitId/visitor-link',
    {
      config: { roles: staff },
      schema: {
        summary: 'Revoke the visitor links of an active visit and issue a new one (a lost or shared phone link)',
        tags: ['visits'],
        params: Type.Object({ visitId: Uuid }),
        response: { 200: VisitorLinkSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { visitorLink, revokedLinkIds } = await reissueVisitorLink(deps, request.params.visitId);
      deps.visitorHub.closeLinks(revokedLinkIds);
      return { visitorLink };
    },
  );
}
