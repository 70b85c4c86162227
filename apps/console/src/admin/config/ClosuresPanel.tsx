import type { AdminSetupView } from '@walkup/client';
import { localized, toLanguage } from '@walkup/client';
import { useRef, useState } from 'preact/hooks';
import { useConsole } from '../../console-context.ts';
import { useConfigText } from './config-messages.ts';
import { errorFor } from './field-errors.ts';
import { useConfigForm } from './use-config-form.tsx';
import { FieldErrorText } from './FieldError.tsx';

interface Props {
  siteId: string;
  setup: AdminSetupView;
  onSaved: (setup: AdminSetupView) => void;
}

/** Holidays and one-off closures: a date range and a message in each of the site's languages. */
export function ClosuresPanel({ siteId, setup, onSaved }: Props) {
  const store = useConsole();
  const t = useConfigText();
  const lang = store.i18n.lang.value;
  const languages = setup.site.languages;
  const [firstDay, setFirstDay] = useState('');
  const [lastDay, setLastDay] = useState('');
  const [message, setMessage] = useState<Record<string, string>>({});
  const { form, busy, error, fieldId, submit } = useConfigForm('closure');
  const title = useRef<HTMLHeadingElement>(null);

  const describe = (path: string) => (errorFor(error, path) ? `${fieldId(path)}-error` : undefined);

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void submit(async () => {
      const saved = await store.api.addClosure(siteId, { firstDay, lastDay, message });
      onSaved(saved);
      store.toasts.show(t('closureAdded', { firstDay, lastDay }), 'info');
      setFirstDay('');
      setLastDay('');
      setMessage({});
    });
  };

  const remove = async (closure: AdminSetupView['site']['closures'][number]) => {
    try {
      onSaved(await store.api.removeClosure(siteId, closure.id));
      store.toasts.show(t('closureRemoved', { firstDay: closure.firstDay, lastDay: closure.lastDay }), 'info');
      // The row and its button are gone: keep the keyboard in the panel.
      title.current?.focus();
    } catch (failure) {
      store.reportError(failure);
    }
  };

  const closures = [...setup.site.closures].sort((a, b) => a.firstDay.localeCompare(b.firstDay));
  return (
    <section class="panel" aria-labelledby="closures-title">
      <h3 id="closures-title" ref={title} tabIndex={-1}>
        {t('closuresTitle')}
      </h3>
      <p class="muted">{t('closuresHelp')}</p>
      {closures.length === 0 ? (
        <p>{t('closuresEmpty')}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('colFirstDay')}</th>
              <th scope="col">{t('colLastDay')}</th>
              <th scope="col">{t('colMessage')}</th>
              <th scope="col">{t('colAction')}</th>
            </tr>
          </thead>
          <tbody>
            {closures.map((closure) => (
              <tr key={closure.id}>
                <td>{closure.firstDay}</td>
                <td>{closure.lastDay}</td>
                <td>{localized(closure.message, toLanguage(lang))}</td>
                <td>
                  <button
                    type="button"
                    class="btn"
                    aria-label={t('removeClosureLabel', { firstDay: closure.firstDay, lastDay: closure.lastDay })}
                    onClick={() => void remove(closure)}
                  >
                    {t('removeClosure')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form class="admin-form" ref={form} onSubmit={onSubmit} noValidate>
        {(['body/firstDay', 'body/lastDay'] as const).map((path) => (
          <div class="field" key={path}>
            <label for={fieldId(path)}>{path === 'body/firstDay' ? t('firstDay') : t('lastDay')}</label>
            <input
              id={fieldId(path)}
              type="date"
              required
              value={path === 'body/firstDay' ? firstDay : lastDay}
              aria-invalid={errorFor(error, path) ? 'true' : undefined}
              aria-describedby={describe(path)}
              onInput={(e) => (path === 'body/firstDay' ? setFirstDay : setLastDay)(e.currentTarget.value)}
            />
            <FieldErrorText id={`${fieldId(path)}-error`} message={errorFor(error, path)} />
          </div>
        ))}
        {languages.map((language) => {
          const path = `body/message/${language}`;
          return (
            <div class="field" key={language}>
              <label for={fieldId(path)}>{t('messageIn', { language })}</label>
              <textarea
                id={fieldId(path)}
                lang={language}
                required
                maxLength={500}
                rows={2}
                value={message[language] ?? ''}
                aria-invalid={errorFor(error, path) || error?.path === 'body/message' ? 'true' : undefined}
                aria-describedby={describe(path)}
                onInput={(e) => setMessage({ ...message, [language]: e.currentTarget.value })}
              />
              <FieldErrorText id={`${fieldId(path)}-error`} message={errorFor(error, path)} />
            </div>
          );
        })}
        {error?.path === 'body/message' && <FieldErrorText id="closure-message-error" message={error.message} />}
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t('addClosure')}
        </button>
      </form>
    </section>
  );
}
