import type { AdminSetupView } from '@walkup/client';
import { useState } from 'preact/hooks';
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

/** The kiosk's welcome text and logo, the no-show grace period and the escalation groups of a site. */
export function SiteSettingsPanel({ siteId, setup, onSaved }: Props) {
  const store = useConsole();
  const t = useConfigText();
  const { site } = setup;
  const [welcome, setWelcome] = useState<Record<string, string>>(site.welcomeText ?? {});
  const [logoUrl, setLogoUrl] = useState(site.logoUrl ?? '');
  const [grace, setGrace] = useState(String(site.noShowGraceSeconds));
  const [groups, setGroups] = useState(site.escalationGroups.join('\n'));
  const { form, busy, error, fieldId, submit } = useConfigForm('settings');

  const invalid = (path: string) => (errorFor(error, path) ? 'true' : undefined);
  const describedBy = (path: string, help?: string) => [help, errorFor(error, path) ? `${fieldId(path)}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const errorText = (path: string) => <FieldErrorText id={`${fieldId(path)}-error`} message={errorFor(error, path)} />;

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const welcomeText = Object.fromEntries(Object.entries(welcome).filter(([, text]) => text.trim() !== ''));
    void submit(async () => {
      const saved = await store.api.updateSiteSettings(siteId, {
        welcomeText: Object.keys(welcomeText).length > 0 ? welcomeText : null,
        logoUrl: logoUrl.trim() === '' ? null : logoUrl.trim(),
        // A non-number goes to the server as is, so its error names the field.
        noShowGraceSeconds: grace.trim() === '' || Number.isNaN(Number(grace)) ? (grace as unknown as number) : Number(grace),
        escalationGroups: groups.split('\n').map((line) => line.trim()).filter(Boolean),
      });
      onSaved(saved);
      store.toasts.show(t('settingsSaved'), 'info');
    });
  };

  return (
    <section class="panel" aria-labelledby="settings-title">
      <h3 id="settings-title">{t('settingsTitle')}</h3>
      <form class="admin-form" ref={form} onSubmit={onSubmit} noValidate>
        {site.languages.map((language) => {
          const path = `body/welcomeText/${language}`;
          return (
            <div class="field" key={language}>
              <label for={fieldId(path)}>{t('welcomeIn', { language })}</label>
              <textarea
                id={fieldId(path)}
                lang={language}
                rows={2}
                maxLength={500}
                value={welcome[language] ?? ''}
                aria-invalid={invalid(path) ?? (error?.path === 'body/welcomeText' ? 'true' : undefined)}
                aria-describedby={describedBy(path, 'settings-welcome-help')}
                onInput={(e) => setWelcome({ ...welcome, [language]: e.currentTarget.value })}
              />
              {errorText(path)}
            </div>
          );
        })}
        <small id="settings-welcome-help" class="muted">
          {t('welcomeHelp')}
        </small>
        {error?.path === 'body/welcomeText' && <FieldErrorText id="settings-welcomeText-error" message={error.message} />}
        <div class="field">
          <label for={fieldId('body/logoUrl')}>{t('logoUrl')}</label>
          <input id={fieldId('body/logoUrl')} type="text" inputMode="url" value={logoUrl} aria-invalid={invalid('body/logoUrl')} aria-describedby={describedBy('body/logoUrl')} onInput={(e) => setLogoUrl(e.currentTarget.value)} />
          {errorText('body/logoUrl')}
        </div>
        <div class="field">
          <label for={fieldId('body/noShowGraceSeconds')}>{t('noShowGraceSeconds')}</label>
          <input
            id={fieldId('body/noShowGraceSeconds')}
            type="number"
            min={0}
            max={3600}
            step={1}
            value={grace}
            aria-invalid={invalid('body/noShowGraceSeconds')}
            aria-describedby={describedBy('body/noShowGraceSeconds', 'settings-grace-help')}
            onInput={(e) => setGrace(e.currentTarget.value)}
          />
          <small id="settings-grace-help" class="muted">
            {t('noShowHelp')}
          </small>
          {errorText('body/noShowGraceSeconds')}
        </div>
        <div class="field">
          <label for={fieldId('body/escalationGroups')}>{t('escalationGroups')}</label>
          <textarea id={fieldId('body/escalationGroups')} rows={3} value={groups} aria-invalid={invalid('body/escalationGroups')} aria-describedby={describedBy('body/escalationGroups')} onInput={(e) => setGroups(e.currentTarget.value)} />
          {errorText('body/escalationGroups')}
        </div>
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t('saveSettings')}
        </button>
      </form>
    </section>
  );
}
