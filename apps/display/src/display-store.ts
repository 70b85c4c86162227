import { computed, signal } from '@preact/signals';
import type { SiteConfig } from '@walkup/protocol';
import { createSiteStore, queryParam, resolveSiteId, syncSiteStore, toLanguage, type ApiClient } from '@walkup/client';
import { createDisplayI18n } from './messages.ts';

/** What a wall display shows: the public site view, its estimates, and nothing personal. */
export function createDisplayStore(api: ApiClient) {
  const i18n = createDisplayI18n();
  const site = createSiteStore();
  const config = signal<SiteConfig | null>(null);
  const failed = signal(false);

  const open = computed(() => site.estimates.value?.open ?? config.value?.open ?? true);

  /** Called visits and visits in service, most recent call first. */
  const nowServing = computed(() => {
    const view = site.view.value;
    if (!view) return [];
    return view.visits
      .filter((v) => (v.state === 'called' || v.state === 'in_service') && v.deskId !== null)
      .sort((a, b) => (b.calledAt ?? '').localeCompare(a.calledAt ?? ''));
  });

  const deskName = (deskId: string | null) => site.view.value?.desks.find((d) => d.id === deskId)?.name ?? deskId ?? '';

  async function load() {
    try {
      const siteId = await resolveSiteId(api);
      const loaded = await api.getSiteConfig(siteId);
      config.value = loaded;
      i18n.lang.value = toLanguage(queryParam('lang') ?? loaded.defaultLanguage);
      failed.value = false;
      syncSiteStore(site, { siteId, view: 'display' });
    } catch {
      failed.value = true;
      // Wall displays are switched on before the server sometimes; keep trying.
      setTimeout(() => void load(), 10_000);
    }
  }

  return { i18n, site, config, failed, open, nowServing, deskName, load };
}

export type DisplayStore = ReturnType<typeof createDisplayStore>;
