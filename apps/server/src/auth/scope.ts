import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/connection.ts';
import { ForbiddenError } from './auth-errors.ts';
import { canSeeSite, type Principal } from './principal.ts';

type Fields = Record<string, unknown>;
const asFields = (value: unknown): Fields => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : {});
const stringsOf = (name: string, ...sources: Fields[]) => sources.map((s) => s[name]).filter((v): v is string => typeof v === 'string');

function requireSite(principal: Principal, siteId: string, what: string): void {
  if (!canSeeSite(principal, siteId)) throw new ForbiddenError('other_site', `this ${principal.kind === 'device' ? 'device' : 'account'} may not use ${what} of another site`);
}

/**
 * Site scoping and acting-technician checks for every route, from the ids in its params, query and
 * body: a site, a visit or a desk of another site is refused, and a technician acts only as
 * themselves. Ids that do not exist pass through, so the route answers its usual 404.
 */
export async function checkScope(db: Db, request: FastifyRequest): Promise<void> {
  const principal = request.principal;
  if (!principal || principal.siteIds === 'all') return;
  const params = asFields(request.params);
  const query = asFields(request.query);
  const body = asFields(request.body);

  for (const siteId of stringsOf('siteId', params, query, body)) requireSite(principal, siteId, 'data');
  for (const visitId of stringsOf('visitId', params)) {
    const visit = await db.selectFrom('visits').select('site_id').where('id', '=', visitId).executeTakeFirst();
    if (visit) requireSite(principal, visit.site_id, 'a visit');
  }
  for (const deskId of stringsOf('deskId', params, body)) {
    const desk = await db.selectFrom('desks').select('site_id').where('id', '=', deskId).executeTakeFirst();
    if (desk) requireSite(principal, desk.site_id, 'a desk');
  }
  if (principal.kind === 'user') {
    for (const technicianId of stringsOf('technicianId', params, body)) {
      if (technicianId !== principal.technicianId) {
        throw new ForbiddenError('not_yourself', `signed in as ${principal.username}, you may act only as your own technician, not '${technicianId}'`);
      }
    }
  }
}
