import { ConflictError, currentBroadcast, prepareBroadcast, type SiteBroadcast } from '@walkup/domain';
import { findSite } from '../queries/sites.ts';
import { commitChange } from '../use-cases/commit-change.ts';
import type { UseCaseDeps } from '../use-cases/deps.ts';
import { deleteSiteBroadcast, findSiteBroadcast, saveSiteBroadcast } from './site-broadcasts.ts';

/** Posts the one message everyone waiting at a site sees, replacing any earlier one. */
export async function postBroadcast(deps: UseCaseDeps, siteId: string, message: string, expiresInMinutes: number | undefined): Promise<SiteBroadcast> {
  return commitChange(deps, async (trx, append, at) => {
    await findSite(trx, siteId);
    const broadcast = prepareBroadcast({ message, expiresInMinutes, nowMs: Date.parse(at) });
    await saveSiteBroadcast(trx, siteId, broadcast);
    await append({ siteId, type: 'site.broadcast_posted', visitId: null, data: { message: broadcast.message, expiresAt: broadcast.expiresAt } });
    return broadcast;
  });
}

/** Takes the message down before it expires; 409 when none is showing (an expired one is tidied away all the same). */
export async function clearBroadcast(deps: UseCaseDeps, siteId: string): Promise<void> {
  const showing = await commitChange(deps, async (trx, append, at) => {
    await findSite(trx, siteId);
    const current = await findSiteBroadcast(trx, siteId);
    if (!current) return false;
    await deleteSiteBroadcast(trx, siteId);
    // Every removal is in the log, so a screen's view and a fresh read of the tables always agree.
    await append({ siteId, type: 'site.broadcast_cleared', visitId: null, data: {} });
    return currentBroadcast(current, Date.parse(at)) !== null;
  });
  if (!showing) throw new ConflictError('no_broadcast', 'no message is showing at this site; nothing to clear');
}
