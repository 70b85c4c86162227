import { DevicePairing, LanguageSwitch, OfflineBanner, useDocumentLanguage } from '@walkup/client';
import { AlreadyQueuedScreen } from './AlreadyQueuedScreen.tsx';
import './App.css';
import { CategoryScreen } from './CategoryScreen.tsx';
import { ClosedScreen } from './ClosedScreen.tsx';
import { ConfirmScreen } from './ConfirmScreen.tsx';
import { GuestScreen } from './GuestScreen.tsx';
import { useKiosk } from './kiosk-context.ts';
import { RatedScreen, RateIdentifyScreen, RateScreen } from './RateScreens.tsx';
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
      // Keyed by level: each level is a new screen that takes the focus on its heading.
      return <CategoryScreen key={screen.parentId ?? 'top'} parentId={screen.parentId} />;
    case 'confirm':
      return <ConfirmScreen category={screen.category} />;
    case 'ticket':
      return <TicketScreen ticket={screen.ticket} />;
    case 'already':
      return <AlreadyQueuedScreen ticketNumber={screen.ticketNumber} />;
    case 'rate-identify':
      return <RateIdentifyScreen />;
    case 'rate':
      return <RateScreen ticketNumber={screen.ticketNumber} feedbackToken={screen.feedbackToken} />;
    case 'rated':
      return <RatedScreen />;
  }
}

export function App() {
  const store = useKiosk();
  const { t, lang } = store.i18n;
  useInactivityReset(store);
  useDocumentLanguage(lang);
  const problem = store.problem.value;
  // An unpaired kiosk has no live connection to lose: it shows the pairing form, not an outage.
  const paired = store.siteId.value !== null && !store.needsPairing.value;
  return (
    <div class="kiosk">
      <header class="kiosk-header">
        <h1>{store.config.value?.name ?? t('title')}</h1>
        <LanguageSwitch lang={lang} label={t('language')} />
      </header>
      <main class="kiosk-main" key={store.session.value}>
        {paired && <OfflineBanner connected={store.site.connected} message={t('offline')} />}
        {problem && (
          <p class="kiosk-problem" role="alert">
            {t(problem.key, problem.params)}
          </p>
        )}
        <CurrentScreen />
      </main>
    </div>
  );
}
