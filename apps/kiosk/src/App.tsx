import { DevicePairing, LanguageSwitch, OfflineBanner } from '@walkup/client';
import './App.css';
import { CategoryScreen } from './CategoryScreen.tsx';
import { ClosedScreen } from './ClosedScreen.tsx';
import { ConfirmScreen } from './ConfirmScreen.tsx';
import { GuestScreen } from './GuestScreen.tsx';
import { useKiosk } from './kiosk-context.ts';
import { StartScreen } from './StartScreen.tsx';
import { TicketScreen } from './TicketScreen.tsx';
import { useInactivityReset } from './use-inactivity-reset.ts';

function CurrentScreen() {
  const store = useKiosk();
  const screen = store.screen.value;
  if (store.needsPairing.value) {
    const { t } = store.i18n;
    const text = { title: t('pairTitle'), help: t('pairHelp'), code: t('pairCode'), pair: t('pair') };
    return <DevicePairing api={store.api} text={text} onPaired={(start) => void store.openSite(start)} />;
  }
  if (!store.config.value) return <p role="status">{store.i18n.t('loading')}</p>;
  if (!store.open.value && screen.name !== 'ticket') return <ClosedScreen />;
  switch (screen.name) {
    case 'start':
      return <StartScreen />;
    case 'guest':
      return <GuestScreen />;
    case 'categories':
      return <CategoryScreen parentId={screen.parentId} />;
    case 'confirm':
      return <ConfirmScreen category={screen.category} />;
    case 'ticket':
      return <TicketScreen ticket={screen.ticket} />;
  }
}

export function App() {
  const store = useKiosk();
  const { t, lang } = store.i18n;
  useInactivityReset(store);
  const problem = store.problem.value;
  return (
    <div class="kiosk" lang={lang.value}>
      <OfflineBanner connected={store.site.connected} message={t('offline')} />
      <header class="kiosk-header">
        <h1>{store.config.value?.name ?? t('title')}</h1>
        <LanguageSwitch lang={lang} label={t('language')} />
      </header>
      <main class="kiosk-main" key={store.session.value}>
        {problem && (
          <p class="kiosk-problem" role="alert">
            {t(problem)}
          </p>
        )}
        <CurrentScreen />
      </main>
    </div>
  );
}
