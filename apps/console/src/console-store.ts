import { batch, computed, effect, signal } from '@preact/signals';
import type { ActiveVisitView, PresenceStatus } from '@walkup/domain';
import { waitingInQueue } from '@walkup/domain';
import type { SiteConfig, SiteSummary } from '@walkup/protocol';
import { ApiRequestError, unreachableCode, createSiteStore, syncSiteStore, toLanguage, type ApiClient, type SessionView, type SiteConnection } from '@walkup/client';
import { createItsmHealth } from './itsm/itsm-health.ts';
import { createConsoleI18n } from './messages.ts';
import { createSelection, type Selection } from './selection.ts';
import { createToasts } from './toasts.ts';
import { createVisitActions } from './visit-actions.ts';

export type ConsoleTab = 'desk' | 'itsm' | 'admin' | 'manager' | 'appointments';

export function createConsoleStore(api: ApiClient) {
  const i18n = createConsoleI18n();
  const site = createSiteStore();
  const toasts = createToasts();
  const selection = createSelection();
  const sites = signal<SiteSummary[]>([]);
  /** The signed-in account; null shows the sign-in form. */
  const session = signal<Extract<SessionView, { kind: 'user' }> | null>(null);
  const checkingSession = signal(true);
  const config = signal<SiteConfig | null>(null);
  /** The setup form shows until a complete, valid choice is confirmed (or was remembered). */
  const editingSetup = signal(true);
  /** Ticks every second so waits and the no-show grace count down live. */
  const now = signal(Date.now());
  setInterval(() => (now.value = Date.now()), 1000);
  let connection: SiteConnection | null = null;
  /** Which screen is showing; Admin only for admin and site admin accounts (the server refuses the rest anyway). */
  const tab = signal<ConsoleTab>('desk');
  const itsm = createItsmHealth(api);
  effect(() => {
    // ITSM health is for the people who serve visitors; managers and site admins read it in the reports instead.
    if (session.value && session.value.role !== 'manager' && session.value.role !== 'site_admin') itsm.start();
    else itsm.stop();
  });

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

  /** Whether this site sends tickets to an ITSM at all; without one the ITSM column says nothing. */
  const siteHasItsm = computed(() => {
    const siteId = selection.value.siteId;
    return Boolean(siteId && itsm.connections.value?.some((connection) => connection.sites.includes(siteId)));
  });

  function reportError(error: unknown) {
    if (error instanceof ApiRequestError && error.code === unreachableCode) toasts.show(i18n.t('unreachable'));
    else toasts.show(error instanceof ApiRequestError ? error.message : String(error));
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
      const current = await api.getSession();
      session.value = current.kind === 'user' ? current : null;
    } catch (error) {
      if (!(error instanceof ApiRequestError && error.statusCode === 401)) reportError(error);
      session.value = null;
    } finally {
      checkingSession.value = false;
    }
    if (session.value) await loadWorkspace(session.value);
  }

  async function signIn(username: string, password: string): Promise<boolean> {
    try {
      const signedIn = await api.login(username, password);
      if (signedIn.kind !== 'user') return false;
      session.value = signedIn;
      await loadWorkspace(signedIn);
      return true;
    } catch (error) {
      reportError(error);
      return false;
    }
  }

  async function signOut() {
    try {
      await api.logout();
    } catch (error) {
      reportError(error);
    }
    connection?.close();
    connection = null;
    batch(() => {
      session.value = null;
      tab.value = 'desk';
      editingSetup.value = true;
      site.view.value = null;
    });
  }

  async function loadWorkspace(account: Extract<SessionView, { kind: 'user' }>) {
    // A technician account acts only as its own technician; the server refuses anything else.
    if (account.technicianId) selection.value = { ...selection.value, technicianId: account.technicianId };
    try {
      const all = await api.listSites();
      sites.value = account.siteIds === 'all' ? all : all.filter((s) => account.siteIds.includes(s.id));
      const saved = selection.value.siteId;
      const siteId = saved && sites.value.some((s) => s.id === saved) ? saved : (sites.value[0]?.id ?? null);
      if (!saved && sites.value[0]) i18n.lang.value = toLanguage(sites.value[0].defaultLanguage);
      if (siteId) {
        selection.value = { ...selection.value, siteId, ...(account.technicianId ? { technicianId: account.technicianId } : {}) };
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
      selection.value = { siteId: change.siteId, technicianId: session.value?.technicianId ?? null, deskId: null };
      void loadSite(change.siteId);
    }
  }

  const base = { api, i18n, site, toasts, selection, config, now, currentVisit, reportError };
  return {
    ...base,
    sites,
    session,
    tab,
    itsm,
    checkingSession,
    signIn,
    signOut,
    editingSetup,
    ready,
    technician,
    presence,
    myQueues,
    siteHasItsm,
    load,
    choose,
    ...createVisitActions(base),
  };
}

export type ConsoleStore = ReturnType<typeof createConsoleStore>;
