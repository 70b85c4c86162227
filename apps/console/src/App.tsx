import { LanguageSwitch, OfflineBanner, useDocumentLanguage } from '@walkup/client';
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import './App.css';
import { useConsole } from './console-context.ts';
import type { ConsoleTab } from './console-store.ts';
import { CurrentVisitPanel } from './CurrentVisitPanel.tsx';
import { DeskBoard } from './DeskBoard.tsx';
import { ItsmBadge } from './itsm/ItsmBadge.tsx';
import { BroadcastForm } from './BroadcastForm.tsx';
import { PresenceSwitch } from './PresenceSwitch.tsx';
import { SetupPanel } from './SetupPanel.tsx';
import { SignInForm } from './SignInForm.tsx';
import { ShortcutLegend } from './ShortcutLegend.tsx';
import { ToastRegion } from './ToastRegion.tsx';
import { useShortcuts } from './use-shortcuts.ts';
import { WaitAccuracyChart } from './WaitAccuracyChart.tsx';
import { WaitingList } from './WaitingList.tsx';

function Workspace() {
  const store = useConsole();
  useShortcuts(store);
  if (!store.site.view.value) return <p role="status">{store.i18n.t('loading')}</p>;
  return (
    <div class="console-grid">
      <div>
        <CurrentVisitPanel />
        <WaitingList />
      </div>
      <aside>
        <PresenceSwitch />
        <BroadcastForm />
        <DeskBoard />
        <ShortcutLegend />
        <WaitAccuracyPanel />
      </aside>
    </div>
  );
}

export function App() {
  const store = useConsole();
  const { t, lang } = store.i18n;
  const { config, technician } = store;
  const desk = config.value?.desks.find((d) => d.id === store.selection.value.deskId);
  useDocumentLanguage(lang);
  const openSetup = () => {
    store.editingSetup.value = true;
    store.tab.value = 'desk';
  };
  return (
    <div class="console">
      <header class="console-header">
        <h1>{t('title')}</h1>
        {store.ready.value && (
          <>
            <span class="console-where">
              {config.value?.name} · {technician.value?.name} · {desk?.name}
            </span>
            <button class="btn" type="button" onClick={openSetup}>
              {t('change')}
            </button>
          </>
        )}
        {store.session.value && !servesNobody(store.session.value.role) && <ItsmBadge />}
        <LanguageSwitch lang={lang} label={t('language')} />
        {store.session.value && (
          <button class="btn" type="button" onClick={() => void store.signOut()}>
            {t('signOut')}
          </button>
        )}
      </header>
      {store.session.value && !store.checkingSession.value && <ConsoleTabs />}
      <main class="console-main">
        {store.ready.value && <OfflineBanner connected={store.site.connected} message={t('offline')} />}
        {store.checkingSession.value ? <p role="status">{t('loading')}</p> : !store.session.value ? <SignInForm /> : <CurrentTab />}
      </main>
      <ToastRegion />
    </div>
  );
}

function WaitAccuracyPanel() {
  const store = useConsole();
  const siteId = store.selection.value.siteId;
  if (!siteId) return null;
  return (
    <section class="panel" aria-labelledby="chart-title">
      <h2 id="chart-title">{store.i18n.t('chartTitle')}</h2>
      <WaitAccuracyChart siteId={siteId} />
    </section>
  );
}

// Technicians spend their day on the desk tab: the ITSM and admin screens are separate chunks,
// fetched the first time someone opens them.
type ViewModule = () => Promise<ComponentType>;
const loadItsmView: ViewModule = () => import('./itsm/ItsmView.tsx').then((m) => m.ItsmView);
const loadAdminView: ViewModule = () => import('./admin/AdminView.tsx').then((m) => m.AdminView);
const loadManagerView: ViewModule = () => import('./manager/ManagerView.tsx').then((m) => m.ManagerView);
const readsFigures = (role: string | undefined) => role === 'manager' || role === 'site_admin' || role === 'admin';
/** Managers and site admins serve nobody: no desk, ITSM or appointments tab. */
const servesNobody = (role: string | undefined) => role === 'manager' || role === 'site_admin';
const configures = (role: string | undefined) => role === 'admin' || role === 'site_admin';
const loadAppointmentsView: ViewModule = () => import('./appointments/AppointmentsView.tsx').then((m) => m.AppointmentsView);

function LazyView({ load }: { load: ViewModule }) {
  const { t } = useConsole().i18n;
  const [loaded, setLoaded] = useState<{ View: ComponentType } | 'failed' | null>(null);
  useEffect(() => {
    let live = true;
    load().then(
      (View) => live && setLoaded({ View }),
      () => live && setLoaded('failed'),
    );
    return () => {
      live = false;
    };
  }, [load]);
  if (loaded === 'failed') return <p role="alert">{t('viewFailed')}</p>;
  if (!loaded) return <p role="status">{t('loading')}</p>;
  return <loaded.View />;
}

function CurrentTab() {
  const store = useConsole();
  const tab = store.tab.value;
  const role = store.session.value?.role;
  if (tab === 'admin' && configures(role)) return <LazyView load={loadAdminView} />;
  // Managers and site admins serve nobody: the manager tab is their console.
  if ((tab === 'manager' || servesNobody(role)) && readsFigures(role)) return <LazyView load={loadManagerView} />;
  if (tab === 'itsm') return <LazyView load={loadItsmView} />;
  if (tab === 'appointments') return <LazyView load={loadAppointmentsView} />;
  return store.ready.value ? <Workspace /> : <SetupPanel />;
}

function ConsoleTabs() {
  const store = useConsole();
  const { t } = store.i18n;
  const role = store.session.value?.role;
  const tabs: Array<[ConsoleTab, string]> = [
    ...(servesNobody(role) ? [] : ([['desk', t('tabDesk')], ['itsm', t('tabItsm')], ['appointments', t('tabAppointments')]] as Array<[ConsoleTab, string]>)),
    ...(readsFigures(role) ? [['manager', t('tabManager')] as [ConsoleTab, string]] : []),
    ...(configures(role) ? [['admin', t('tabAdmin')] as [ConsoleTab, string]] : []),
  ];
  // Managers and site admins land on the figures whatever tab was last chosen, but Admin.
  const shownTab = servesNobody(role) && store.tab.value !== 'admin' ? 'manager' : store.tab.value;
  return (
    <nav class="console-tabs" aria-label={t('tabs')}>
      {tabs.map(([id, label]) => (
        <button
          key={id}
          type="button"
          class="console-tab"
          aria-current={shownTab === id ? 'page' : undefined}
          onClick={() => (store.tab.value = id)}
        >
          {label}
        </button>
      ))}
    </nav>
  );
}
