import type { SiteStore } from './site-store.ts';

/**
 * Reloads a screen's site configuration whenever an admin changes it (a `site.config_changed` event),
 * so kiosks and displays show the new category tree, names and hours without a page reload.
 * A failed reload keeps the configuration shown; the next change or reload tries again.
 */
export function watchSiteConfig(site: SiteStore, reload: () => Promise<void>): () => void {
  return site.onEvent((event) => {
    if (event.type === 'site.config_changed') void reload().catch(() => {});
  });
}
