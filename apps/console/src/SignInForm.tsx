import { useRef } from 'preact/hooks';
import { useConsole } from './console-context.ts';

/** Local accounts; the server sets an HttpOnly session cookie and returns the CSRF token. */
export function SignInForm() {
  const store = useConsole();
  const { t } = store.i18n;
  const username = useRef<HTMLInputElement>(null);
  const password = useRef<HTMLInputElement>(null);
  const busy = store.busy;

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy.value) return;
    busy.value = true;
    const ok = await store.signIn(username.current?.value ?? '', password.current?.value ?? '');
    busy.value = false;
    if (!ok && password.current) password.current.value = '';
  };

  return (
    <form class="panel setup" onSubmit={onSubmit} aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">{t('signInTitle')}</h2>
      <div class="field">
        <label for="sign-in-username">{t('username')}</label>
        <input id="sign-in-username" ref={username} type="text" autocomplete="username" required autofocus />
      </div>
      <div class="field">
        <label for="sign-in-password">{t('password')}</label>
        <input id="sign-in-password" ref={password} type="password" autocomplete="current-password" required />
      </div>
      <button class="btn btn-primary" type="submit" disabled={busy.value}>
        {t('signIn')}
      </button>
    </form>
  );
}
