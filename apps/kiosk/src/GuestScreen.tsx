import { useEffect, useRef } from 'preact/hooks';
import { BackButton } from './BackButton.tsx';
import { useKiosk } from './kiosk-context.ts';
import './StartScreen.css';

export function GuestScreen() {
  const store = useKiosk();
  const { t } = store.i18n;
  const input = useRef<HTMLInputElement>(null);
  const email = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    store.continueAsGuest(input.current?.value ?? '', email.current?.value ?? '');
  };

  return (
    <section class="start" aria-labelledby="guest-title">
      <h2 id="guest-title">{t('guestTitle')}</h2>
      <form class="start-form" onSubmit={onSubmit}>
        <label for="guest-name">{t('guestName')}</label>
        <input id="guest-name" ref={input} class="text-input" type="text" autocomplete="off" maxLength={60} required />
        {/* Optional: a guest who gives one is emailed when their turn is near, and asked how it went. */}
        <label for="guest-email">{t('guestEmail')}</label>
        <input id="guest-email" ref={email} class="text-input" type="email" autocomplete="off" autocapitalize="off" spellcheck={false} maxLength={254} />
        <button class="button button-primary" type="submit">
          {t('continue')}
        </button>
      </form>
      <BackButton />
    </section>
  );
}
