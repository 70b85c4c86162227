import { computed, signal } from '@preact/signals';
import type { SiteConfig } from '@walkup/protocol';
import {
  ApiRequestError,
  createSiteStore,
  queryParam,
  startDeviceSession,
  syncSiteStore,
  watchSiteConfig,
  toLanguage,
  type ApiClient,
  type DeviceStart,
  type SiteConnection,
} from '@walkup/client';
import { createDisplayI18n } from './messages.ts';

/** What a wall display shows: the public site view, its estimates, and nothing personal. */
export function createDisplayStore(api: ApiClient) {
  const i18n = createDisplayI18n();
  const site = createSiteStore();
  const config = signal<SiteConfig | null>(null);
  const failed = signal(false);
  const needsPairing = signal(false);
  let connection: SiteConnection | null = null;
  let stopConfigWatch: (() => void) | null = null;

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

  async function openSite(start: Extract<DeviceStart, { kind: 'ready' }>) {
    const loaded = await api.getSiteConfig(start.siteId);
    config.value = loaded;
    i18n.lang.value = toLanguage(queryParam('lang') ?? loaded.defaultLanguage);
    failed.value = false;
    needsPairing.value = false;
    connection?.close();
    connection = syncSiteStore(site, { siteId: start.siteId, view: 'display', token: start.token });
    stopConfigWatch?.();
    stopConfigWatch = watchSiteConfig(site, async () => {
      config.value = await api.getSiteConfig(start.siteId);
    });
  }

  async function load() {
    try {
      const start = await startDeviceSession(api);
      if (start.kind === 'needs_pairing') needsPairing.value = true;
      else await openSite(start);
    } catch (error) {
      if (error instanceof ApiRequestError && error.statusCode === 401) {
        needsPairing.value = true;
        return;
      }
      failed.value = true;
      // Wall displays are switched on before the server sometimes; keep trying.
      setTimeout(() => void load(), 10_000);
    }
  }

  return { api, i18n, site, config, failed, needsPairing, open, nowServing, deskName, load, openSite };
}

export type DisplayStore = ReturnType<typeof createDisplayStore>;
