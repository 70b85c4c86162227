import { useEffect, useRef } from 'preact/hooks';
import { classifyEntry } from './entry-kind.ts';
import { useKiosk } from './kiosk-context.ts';
import './StartScreen.css';

const isTextField = (element: Element | null) => element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement;

/**
 * One field takes both a badge scan and typing. A keyboard-wedge reader types wherever the focus
 * is, so the field keeps the focus: any stray key sends it back there before the character lands.
 */
export function StartScreen() {
  const store = useKiosk();
  const { t } = store.i18n;
  const input = useRef<HTMLInputElement>(null);
  const lastKeyAt = useRef<number | null>(null);
  const intervals = useRef<number[]>([]);

  useEffect(() => {
    input.current?.focus();
    const refocus = () => {
      if (!isTextField(document.activeElement)) input.current?.focus();
    };
    document.addEventListener('keydown', refocus, { capture: true });
    return () => document.removeEventListener('keydown', refocus, { capture: true });
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key.length !== 1) return;
    const now = performance.now();
    if (lastKeyAt.current !== null) intervals.current.push(now - lastKeyAt.current);
    lastKeyAt.current = now;
  };

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const value = input.current?.value ?? '';
    const kind = classifyEntry(value, intervals.current);
    intervals.current = [];
    lastKeyAt.current = null;
    if (input.current) input.current.value = '';
    void store.identify(kind, value);
  };

  // Tapping empty space on a touchscreen blurs the field; take the focus back so the next scan lands.
  const onBlur = (event: FocusEvent) => {
    if (event.relatedTarget === null) setTimeout(() => input.current?.focus(), 0);
  };

  return (
    <section class="start" aria-labelledby="start-title">
      <h2 id="start-title">{t('welcome')}</h2>
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
          onKeyDown={onKeyDown}
          onBlur={onBlur}
          disabled={store.busy.value}
        />
        <button class="button button-primary" type="submit" disabled={store.busy.value}>
          {t('continue')}
        </button>
      </form>
      <p class="start-or">{t('or')}</p>
      <button class="button" type="button" onClick={store.goToGuest}>
        {t('guest')}
      </button>
    </section>
  );
}
