import { localized } from '@walkup/client';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { useKiosk } from './kiosk-context.ts';
import './StartScreen.css';

const isTextField = (element: Element | null) => element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement;

/** A character a badge reader or a person types; Tab, Enter, Space and arrows keep moving the focus. */
const isTypedCharacter = (event: KeyboardEvent) => event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.altKey && !event.metaKey;

/**
 * One field takes both a badge scan and typing; the server tells a badge from an employee id or an
 * email by looking it up. A keyboard-wedge reader types wherever the focus is, so a typed character
 * outside a text field is sent to this one, while Tab still reaches the other buttons.
 */
export function StartScreen() {
  const store = useKiosk();
  const { t, lang } = store.i18n;
  const config = store.config.value;
  const input = useRef<HTMLInputElement>(null);

  // A layout effect, so the first scan after the screen appears already lands in the field.
  useLayoutEffect(() => {
    input.current?.focus();
    const refocus = (event: KeyboardEvent) => {
      if (isTypedCharacter(event) && !isTextField(document.activeElement)) input.current?.focus();
    };
    document.addEventListener('keydown', refocus, { capture: true });
    return () => document.removeEventListener('keydown', refocus, { capture: true });
  }, []);

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const value = input.current?.value ?? '';
    if (input.current) input.current.value = '';
    void store.identify(value).then(() => input.current?.focus());
  };

  // Tapping empty space on a touchscreen blurs the field; take the focus back so the next scan lands.
  const onBlur = (event: FocusEvent) => {
    if (event.relatedTarget === null) setTimeout(() => input.current?.focus(), 0);
  };

  return (
    <section class="start" aria-labelledby="start-title">
      {config?.logoUrl && <img class="start-logo" src={config.logoUrl} alt={config.name} />}
      <h2 id="start-title">{config?.welcomeText ? localized(config.welcomeText, lang.value) : t('welcome')}</h2>
      <form class="start-form" onSubmit={onSubmit}>
        <label for="identify-input">{t('identifyLabel')}</label>
        <input
          id="identify-input"
          ref={input}
          class="text-input"
          type="text"
          autocomplete="off"
          autocapitalize="off"
          spellcheck={false}
          onBlur={onBlur}
          readOnly={store.busy.value}
        />
        <button class="button button-primary" type="submit" disabled={store.busy.value}>
          {t('continue')}
        </button>
      </form>
      <p class="start-or">{t('or')}</p>
      <button class="button" type="button" onClick={store.goToGuest}>
        {t('guest')}
      </button>
      <button class="button start-rate" type="button" onClick={store.goToRating}>
        {t('rateVisit')}
      </button>
    </section>
  );
}
