import { ConflictError, isActive, type VisitState } from '@walkup/domain';
import { findVisitRow } from '../queries/visits.ts';
import type { UseCaseDeps } from '../use-cases/deps.ts';
import { createVisitorLink, visitorLinkPath } from './visitor-access.ts';
import { revokeVisitorLinksOfVisit } from './visitor-links.ts';

/**
 * Revokes every link of an active visit and issues a fresh one, in one transaction. No event: the
 * link is a credential, not a change to the visit (the log carries no secrets).
 */
export async function reissueVisitorLink(deps: UseCaseDeps, visitId: string): Promise<{ visitorLink: string; revokedLinkIds: string[] }> {
  return deps.commits.run(async (trx) => {
    const row = await findVisitRow(trx, visitId);
    if (!isActive(row.state as VisitState)) throw new ConflictError('visit_ended', `ticket ${row.ticket_number} is over; it needs no visitor link`);
    const at = deps.now().toISOString();
    const revokedLinkIds = await revokeVisitorLinksOfVisit(trx, visitId, at);
    const token = await createVisitorLink(trx, { visitId, siteId: row.site_id }, at);
    return { visitorLink: visitorLinkPath(token), revokedLinkIds };
  });
}
