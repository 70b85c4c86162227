import type { AdminSetupView, AdminSiteView } from '@walkup/client';
import { useEffect, useState } from 'preact/hooks';
import { useConsole } from '../../console-context.ts';
import { useSiteAdminText } from './site-admin-messages.ts';
import { CheckboxGroup, FormButtons, IdAndNameFields } from './ConfigFormParts.tsx';
import { useConfigForm } from './use-config-form.tsx';

interface Props {
  /** The site being edited; none to add a new one. */
  site: AdminSiteView | null;
  onSaved: (setup: AdminSetupView) => Promise<void>;
  onCancel: () => void;
}

// The languages the kiosk and the console speak; a site configured with others keeps them.
const knownLanguages = ['en', 'fr'];
const timeZones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** Adds a site or edits one: name, time zone, the languages offered to visitors and the default one. */
export function SiteForm({ site, onSaved, onCancel }: Props) {
  const store = useConsole();
  const t = useSiteAdminText();
  const configForm = useConfigForm('site');
  const { form, busy, field, fieldId, errorText, submit } = configForm;
  const [id, setId] = useState('');
  const [name, setName] = useState(site?.name ?? '');
  const [timeZone, setTimeZone] = useState(site?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [languages, setLanguages] = useState<string[]>(site?.languages ?? [store.i18n.lang.value]);
  const [defaultLanguage, setDefaultLanguage] = useState(site?.defaultLanguage ?? store.i18n.lang.value);
  const offered = [...new Set([...knownLanguages, ...(site?.languages ?? [])])];

  useEffect(() => {
    if (site) document.getElementById(fieldId('body/name'))?.focus();
  }, [site?.id]);

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void submit(async () => {
      const fields = { name, timeZone: timeZone.trim(), languages, defaultLanguage };
      await onSaved(site ? await store.api.changeSite(site.id, fields) : await store.api.createSite({ id, ...fields }));
      store.toasts.show(t('siteSaved', { name }), 'info');
      if (!site) {
        setId('');
        setName('');
      }
    });
  };

  const title = site ? t('editSiteTitle', { name: site.name }) : t('addSiteTitle');
  return (
    <form class="admin-form" ref={form} onSubmit={onSubmit} noValidate aria-label={title}>
      <h4>{title}</h4>
      {!site && <p class="muted">{t('newSiteHelp')}</p>}
      <IdAndNameFields form={configForm} isNew={!site} id={id} name={name} onId={setId} onName={setName} />
      <div class="field">
        <label for={fieldId('body/timeZone')}>{t('timeZone')}</label>
        <input type="text" required maxLength={64} list="site-time-zones" value={timeZone} {...field('body/timeZone')} onInput={(e) => setTimeZone(e.currentTarget.value)} />
        <datalist id="site-time-zones">
          {timeZones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        {errorText('body/timeZone')}
      </div>
      <CheckboxGroup form={configForm} path="body/languages" legend={t('languages')} options={offered.map((language) => ({ value: language, label: language }))} chosen={languages} onChange={setLanguages} />
      <div class="field">
        <label for={fieldId('body/defaultLanguage')}>{t('defaultLanguage')}</label>
        <select value={defaultLanguage} {...field('body/defaultLanguage')} onChange={(e) => setDefaultLanguage(e.currentTarget.value)}>
          {offered.map((language) => (
            <option key={language} value={language}>
              {language}
            </option>
          ))}
        </select>
        {errorText('body/defaultLanguage')}
      </div>
      <FormButtons busy={busy} editing={site !== null} add={t('addSite')} save={t('saveSite')} onCancel={onCancel} />
    </form>
  );
}
