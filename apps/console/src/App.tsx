import { LanguageSwitch, OfflineBanner } from '@walkup/client';
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import './App.css';
import { useConsole } from './console-context.ts';
import type { ConsoleTab } from './console-store.ts';
import { CurrentVisitPanel } from './CurrentVisitPanel.tsx';
import { DeskBoard } from './DeskBoard.tsx';
import { ItsmBadge } from './itsm/ItsmBadge.tsx';
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
  const openSetup = () => {
    store.editingSetup.value = true;
    store.tab.value = 'desk';
  };
  return (
    <div class="console" lang={lang.value}>
      {store.ready.value && <OfflineBanner connected={store.site.connected} message={t('offline')} />}
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
        {store.session.value && <ItsmBadge />}
        <LanguageSwitch lang={lang} label={t('language')} />
        {store.session.value && (
          <button class="btn" type="button" onClick={() => void store.signOut()}>
            {t('signOut')}
          </button>
        )}
      </header>
      {store.checkingSession.value ? (
        <p role="status">{t('loading')}</p>
      ) : !store.session.value ? (
        <SignInForm />
      ) : (
        <>
          <ConsoleTabs />
          <CurrentTab />
        </>
      )}
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
  if (tab === 'itsm') return <LazyView load={loadItsmView} />;
  if (tab === 'admin' && store.session.value?.role === 'admin') return <LazyView load={loadAdminView} />;
  return store.ready.value ? <Workspace /> : <SetupPanel />;
}

function ConsoleTabs() {
  const store = useConsole();
  const { t } = store.i18n;
  const tabs: Array<[ConsoleTab, string]> = [
    ['desk', t('tabDesk')],
    ['itsm', t('tabItsm')],
    ...(store.session.value?.role === 'admin' ? [['admin', t('tabAdmin')] as [ConsoleTab, string]] : []),
  ];
  return (
    <nav class="console-tabs" aria-label={t('tabs')}>
      {tabs.map(([id, label]) => (
        <button
          key={id}
          type="button"
          class="console-tab"
          aria-current={store.tab.value === id ? 'page' : undefined}
          onClick={() => (store.tab.value = id)}
        >
          {label}
        </button>
      ))}
    </nav>
  );
}
