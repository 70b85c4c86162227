import { batch, computed, signal } from '@preact/signals';
import type { ActiveVisitView, PresenceStatus } from '@walkup/domain';
import { waitingInQueue } from '@walkup/domain';
import type { SiteConfig, SiteSummary } from '@walkup/protocol';
import { ApiRequestError, createSiteStore, syncSiteStore, toLanguage, type ApiClient, type SiteConnection } from '@walkup/client';
import { createConsoleI18n } from './messages.ts';
import { createSelection, type Selection } from './selection.ts';
import { createToasts } from './toasts.ts';
import { createVisitActions } from './visit-actions.ts';

export function createConsoleStore(api: ApiClient) {
  const i18n = createConsoleI18n();
  const site = createSiteStore();
  const toasts = createToasts();
  const selection = createSelection();
  const sites = signal<SiteSummary[]>([]);
  const config = signal<SiteConfig | null>(null);
  /** The setup form shows until a complete, valid choice is confirmed (or was remembered). */
  const editingSetup = signal(true);
  /** Ticks every second so waits and the no-show grace count down live. */
  const now = signal(Date.now());
  setInterval(() => (now.value = Date.now()), 1000);
  let connection: SiteConnection | null = null;

  const ready = computed(() => {
    const { siteId, technicianId, deskId } = selection.value;
    return Boolean(siteId && technicianId && deskId && config.value?.id === siteId) && !editingSetup.value;
  });
  const technician = computed(() => config.value?.technicians.find((t) => t.id === selection.value.technicianId) ?? null);

  const presence = computed<PresenceStatus>(() => {
    const desk = site.view.value?.desks.find((d) => d.technicianId === selection.value.technicianId);
    return desk?.status ?? 'off';
  });

  /** The visit called to or served at my desk, if any. */
  const currentVisit = computed<ActiveVisitView | null>(() => {
    const { deskId } = selection.value;
    return site.view.value?.visits.find((v) => v.deskId === deskId && (v.state === 'called' || v.state === 'in_service')) ?? null;
  });

  const myQueues = computed(() => {
    const view = site.view.value;
    const ids = technician.value?.queueIds ?? [];
    if (!view) return [];
    return view.queues.filter((q) => ids.includes(q.id)).map((queue) => ({ queue, waiting: waitingInQueue(view, queue.id) }));
  });

  function reportError(error: unknown) {
    toasts.show(error instanceof ApiRequestError ? error.message : String(error));
  }

  async function loadSite(siteId: string) {
    connection?.close();
    batch(() => {
      config.value = null;
      site.view.value = null;
      site.estimates.value = null;
    });
    try {
      const loaded = await api.getSiteConfig(siteId);
      config.value = loaded;
      connection = syncSiteStore(site, { siteId, view: 'console' });
    } catch (error) {
      reportError(error);
    }
  }

  async function load() {
    try {
      sites.value = await api.listSites();
      const saved = selection.value.siteId;
      const siteId = saved && sites.value.some((s) => s.id === saved) ? saved : (sites.value[0]?.id ?? null);
      if (!saved && sites.value[0]) i18n.lang.value = toLanguage(sites.value[0].defaultLanguage);
      if (siteId) {
        selection.value = { ...selection.value, siteId };
        await loadSite(siteId);
        const { technicianId, deskId } = selection.value;
        const known = config.value;
        if (known && known.technicians.some((t) => t.id === technicianId) && known.desks.some((d) => d.id === deskId)) {
          editingSetup.value = false;
        }
      }
    } catch (error) {
      reportError(error);
    }
  }

  function choose(change: Partial<Selection>) {
    const previousSite = selection.value.siteId;
    selection.value = { ...selection.value, ...change };
    if (change.siteId && change.siteId !== previousSite) {
      selection.value = { siteId: change.siteId, technicianId: null, deskId: null };
      void loadSite(change.siteId);
    }
  }

  const base = { api, i18n, site, toasts, selection, config, now, currentVisit, reportError };
  return {
    ...base,
    sites,
    editingSetup,
    ready,
    technician,
    presence,
    myQueues,
    load,
    choose,
    ...createVisitActions(base),
  };
}

export type ConsoleStore = ReturnType<typeof createConsoleStore>;
