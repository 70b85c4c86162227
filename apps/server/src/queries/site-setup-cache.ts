import type { Db } from '../db/connection.ts';
import { loadSiteSetup, type SiteSetup } from './sites.ts';

/**
 * Site configuration changes a few times a year but was read several times per check-in. Hot paths
 * read it through this cache; an entry lives at most `ttlMs`, so an edit made by any route (or by
 * another instance sharing the database) applies within that time even without `invalidate`.
 */
export function createSiteSetupCache(options: { ttlMs?: number; now?: () => number } = {}) {
  const ttlMs = options.ttlMs ?? 60_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { setup: SiteSetup; loadedAt: number }>();
  // Bumped by every invalidation. On PostgreSQL a read may run on another pooled connection while a
  // change commits: a setup that read began before an invalidation may be the old one, so it is
  // returned to its caller but not kept (kept, it would serve the old hours for a whole ttl).
  let generation = 0;
  return {
    /** Reads through `db`, which may be a transaction (a miss then sees its uncommitted changes). */
    async get(db: Db, siteId: string): Promise<SiteSetup> {
      const entry = entries.get(siteId);
      if (entry && now() - entry.loadedAt < ttlMs) return entry.setup;
      const readFrom = generation;
      const setup = await loadSiteSetup(db, siteId);
      if (generation === readFrom) entries.set(siteId, { setup, loadedAt: now() });
      return setup;
    },
    invalidate(siteId?: string): void {
      generation++;
      if (siteId) entries.delete(siteId);
      else entries.clear();
    },
  };
}

export type SiteSetupCache = ReturnType<typeof createSiteSetupCache>;
