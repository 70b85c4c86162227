import { useState } from 'preact/hooks';
import { useConsole } from '../console-context.ts';
import { useAdminText } from './admin-messages.ts';
import { SiteSelect, useDefaultSiteId } from './SiteSelect.tsx';
import { useSiteSettings } from './use-site-settings.ts';
import { unlessTouched, VisitorIdentificationSelect } from './VisitorIdentificationSelect.tsx';
import type { SiteVisitorSettings } from '@walkup/protocol';

/** Remote check-in of a site (link or QR poster), whether only arrived visitors are called, when those on the way are told to come over, and how visitors identify. */
export function RemoteCheckInForm() {
  const store = useConsole();
  const t = useAdminText();
  const [siteId, setSiteId] = useState(useDefaultSiteId());
  const [identificationTouched, setIdentificationTouched] = useState(false);
  const save = (id: string, changed: SiteVisitorSettings) => store.api.updateVisitorSettings(id, unlessTouched(changed, identificationTouched)).finally(() => setIdentificationTouched(false));
  const { settings, setSettings, busy, onSubmit } = useSiteSettings(siteId, store.api.getVisitorSettings, save, () =>
    store.toasts.show(t('remoteSaved', { site: store.sites.value.find((s) => s.id === siteId)?.name ?? siteId }), 'info'),
  );

  return (
    <section class="panel" aria-labelledby="remote-check-in-title">
      <h2 id="remote-check-in-title">{t('remoteTitle')}</h2>
      <form class="admin-form" onSubmit={onSubmit}>
        <SiteSelect id="remote-site" value={siteId} onChange={setSiteId} />
        <label class="check-field">
          <input
            type="checkbox"
            data-testid="remote-check-in"
            checked={settings?.remoteCheckIn ?? false}
            disabled={!settings}
            onChange={(e) => settings && setSettings({ ...settings, remoteCheckIn: e.currentTarget.checked })}
          />
          {t('remoteOn')}
        </label>
        <label class="check-field">
          <input
            type="checkbox"
            checked={settings?.callOnlyArrived ?? true}
            disabled={!settings}
            onChange={(e) => settings && setSettings({ ...settings, callOnlyArrived: e.currentTarget.checked })}
          />
          {t('callOnlyArrived')}
        </label>
        <div class="field field-hinted">
          <label for="remote-notify-minutes">{t('remoteNotifyMinutes')}</label>
          <input
            id="remote-notify-minutes"
            type="number"
            required
            min={1}
            max={120}
            step={1}
            aria-describedby="remote-notify-minutes-hint"
            value={settings?.remoteNotifyMinutes ?? 10}
            disabled={!settings}
            onInput={(e) => settings && setSettings({ ...settings, remoteNotifyMinutes: Number(e.currentTarget.value) })}
          />
          <p id="remote-notify-minutes-hint" class="muted">
            {t('remoteNotifyMinutesHint')}
          </p>
        </div>
        {settings && (
          <VisitorIdentificationSelect
            id="remote-identification"
            value={settings.visitorIdentification}
            ssoConfigured={settings.ssoConfigured}
            onChange={(visitorIdentification) => {
              setIdentificationTouched(true);
              setSettings({ ...settings, visitorIdentification });
            }}
          />
        )}
        <button type="submit" class="btn btn-primary" disabled={busy || !settings}>
          {t('save')}
        </button>
        {siteId && (
          <a href={`/visitor/?poster=${encodeURIComponent(siteId)}`} target="_blank" rel="noopener" data-testid="poster-link">
            {t('posterLink')}
          </a>
        )}
      </form>
    </section>
  );
}
