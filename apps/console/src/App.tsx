import { LanguageSwitch, OfflineBanner } from '@walkup/client';
import './App.css';
import { useConsole } from './console-context.ts';
import { CurrentVisitPanel } from './CurrentVisitPanel.tsx';
import { DeskBoard } from './DeskBoard.tsx';
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
            <button class="btn" type="button" onClick={() => (store.editingSetup.value = true)}>
              {t('change')}
            </button>
          </>
        )}
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
      ) : store.ready.value ? (
        <Workspace />
      ) : (
        <SetupPanel />
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
