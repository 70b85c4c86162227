import { DevicePairing, localized, OfflineBanner, useDocumentLanguage } from '@walkup/client';
import { soundBlocked } from './announcements.ts';
import './App.css';
import { BroadcastBanner } from './BroadcastBanner.tsx';
import { Clock } from './Clock.tsx';
import { useDisplay } from './display-context.ts';
import { NowServing } from './NowServing.tsx';
import { QueueCards } from './QueueCards.tsx';

function Body() {
  const store = useDisplay();
  const { t, lang } = store.i18n;
  if (store.needsPairing.value) {
    const text = { title: t('pairTitle'), help: t('pairHelp'), code: t('pairCode'), pair: t('pair') };
    return <DevicePairing api={store.api} text={text} onPaired={(start) => void store.openSite(start)} />;
  }
  if (!store.site.view.value) return <p class="display-message">{t('loading')}</p>;
  if (!store.open.value) {
    return (
      <section class="display-message" aria-labelledby="closed-title">
        <h2 id="closed-title">{t('closedTitle')}</h2>
        {/* The holiday's own message, when an admin gave one, says why and until when. */}
        {store.config.value?.closedMessage && <p class="closed-message">{localized(store.config.value.closedMessage, lang.value)}</p>}
        <p>{t('closedBody')}</p>
      </section>
    );
  }
  return (
    <div class="display-body">
      <NowServing />
      <QueueCards />
    </div>
  );
}

export function App() {
  const store = useDisplay();
  const { t, lang } = store.i18n;
  const config = store.config.value;
  useDocumentLanguage(lang);
  return (
    <div class="display">
      <header class="display-header">
        <h1>{config?.name ?? t('title')}</h1>
        <Clock timeZone={config?.timeZone} lang={lang.value} />
      </header>
      <main class="display-main">
        {config && <OfflineBanner connected={store.site.connected} message={t('offline')} />}
        <BroadcastBanner />
        <Body />
        {soundBlocked.value && <p class="sound-hint">{t('soundHint')}</p>}
      </main>
    </div>
  );
}
