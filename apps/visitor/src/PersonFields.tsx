import type { Signal } from '@preact/signals';
import { useVisitorApp } from './visitor-context.ts';

/** Name and work email, the address the one-time link goes to; `hint` says what opening it does. */
export function PersonFields({ legend, hint, name, email }: { legend: string; hint: string; name: Signal<string>; email: Signal<string> }) {
  const { t } = useVisitorApp().i18n;
  return (
    <fieldset class="booking-fieldset">
      <legend>{legend}</legend>
      <label class="booking-field">
        <span>{t('yourName')}</span>
        <input required maxLength={80} autoComplete="name" value={name.value} onInput={(e) => (name.value = (e.target as HTMLInputElement).value)} />
      </label>
      <label class="booking-field">
        <span>{t('yourEmail')}</span>
        <input required type="email" maxLength={254} autoComplete="email" aria-describedby="email-hint" value={email.value} onInput={(e) => (email.value = (e.target as HTMLInputElement).value)} />
      </label>
      <p id="email-hint" class="booking-hint">
        {hint}
      </p>
    </fieldset>
  );
}

/** The end of a visitor form: what went wrong, if anything, and the button (send the link, take the place...). */
export function SubmitFooter({ problem, label }: { problem: string | null; label: string }) {
  return (
    <>
      <div aria-live="assertive">{problem && <p class="booking-problem" role="alert">{problem}</p>}</div>
      <button type="submit" class="booking-primary">
        {label}
      </button>
    </>
  );
}

/** Once the link is sent: where it went and until when it works. */
export function CheckEmailCard({ body }: { body: string }) {
  const { t } = useVisitorApp().i18n;
  return (
    <section class="visitor-card" aria-labelledby="check-email-title">
      <h1 id="check-email-title" data-testid="check-email">
        {t('checkEmailTitle')}
      </h1>
      <p>{body}</p>
    </section>
  );
}
