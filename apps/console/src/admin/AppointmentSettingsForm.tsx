import { localized, type AppointmentSettings } from '@walkup/client';
import { useState } from 'preact/hooks';
import { useConsole } from '../console-context.ts';
import { useAppointmentText, type AppointmentMessage } from '../appointments/appointment-messages.ts';
import { SiteSelect, useDefaultSiteId } from './SiteSelect.tsx';
import { useSiteSettings } from './use-site-settings.ts';
import { unlessTouched, VisitorIdentificationSelect } from './VisitorIdentificationSelect.tsx';

type NumberSetting = Exclude<Extract<keyof AppointmentSettings, AppointmentMessage>, 'perHour' | 'itsmTicketAt' | 'visitorIdentification'>;
const numberSettings: Array<[NumberSetting, number]> = [
  ['bookAheadDays', 365],
  ['cutoffMinutes', 10_080],
  ['lateGraceMinutes', 120],
  ['maxAdvanceMinutes', 240],
  ['reminderMinutes', 10_080],
];

/** Booking on or off per site, its rules, and how many appointments each queue offers an hour. */
export function AppointmentSettingsForm() {
  const store = useConsole();
  const t = useAppointmentText();
  const [siteId, setSiteId] = useState(useDefaultSiteId());
  const [identificationTouched, setIdentificationTouched] = useState(false);
  const save = (id: string, changed: AppointmentSettings) => store.api.updateAppointmentSettings(id, unlessTouched(changed, identificationTouched)).finally(() => setIdentificationTouched(false));
  const { settings, setSettings, busy, onSubmit } = useSiteSettings(siteId, store.api.getAppointmentSettings, save, () =>
    store.toasts.show(t('saved'), 'info'),
  );

  const queueName = (queueId: string) => {
    const queue = store.config.value?.id === siteId ? store.config.value.queues.find((q) => q.id === queueId) : undefined;
    return queue ? localized(queue.name, store.i18n.lang.value) : queueId;
  };

  return (
    <section class="panel" aria-labelledby="appointment-settings-title">
      <h2 id="appointment-settings-title">{t('settingsTitle')}</h2>
      <form class="admin-form" onSubmit={onSubmit}>
        <SiteSelect id="appointment-settings-site" value={siteId} onChange={setSiteId} />
        {settings && (
          <>
            <label class="check-field">
              <input type="checkbox" checked={settings.enabled} onChange={(e) => setSettings({ ...settings, enabled: e.currentTarget.checked })} />
              {t('settingsEnabled')}
            </label>
            {numberSettings.map(([key, max]) => (
              <div class="field" key={key}>
                <label for={`appointment-${key}`}>{t(key)}</label>
                <input id={`appointment-${key}`} type="number" required min={0} max={max} step={1} value={settings[key]} onInput={(e) => setSettings({ ...settings, [key]: Number(e.currentTarget.value) })} />
              </div>
            ))}
            <div class="field">
              <label for="appointment-itsmTicketAt">{t('itsmTicketAt')}</label>
              <select
                id="appointment-itsmTicketAt"
                value={settings.itsmTicketAt ?? 'arrival'}
                onChange={(e) => setSettings({ ...settings, itsmTicketAt: e.currentTarget.value === 'booking' ? 'booking' : 'arrival' })}
              >
                <option value="arrival">{t('itsmTicketAtArrival')}</option>
                <option value="booking">{t('itsmTicketAtBooking')}</option>
              </select>
            </div>
            <VisitorIdentificationSelect
              id="appointment-identification"
              value={settings.visitorIdentification ?? 'sso_or_email'}
              onChange={(visitorIdentification) => {
                setIdentificationTouched(true);
                setSettings({ ...settings, visitorIdentification });
              }}
            />
            {Object.entries(settings.perHour).map(([queueId, perHour]) => (
              <div class="field" key={queueId}>
                <label for={`appointment-per-hour-${queueId}`}>{t('perHour', { queue: queueName(queueId) })}</label>
                <input
                  id={`appointment-per-hour-${queueId}`}
                  type="number"
                  required
                  min={0}
                  max={60}
                  step={1}
                  value={perHour}
                  onInput={(e) => setSettings({ ...settings, perHour: { ...settings.perHour, [queueId]: Number(e.currentTarget.value) } })}
                />
              </div>
            ))}
          </>
        )}
        <button type="submit" class="btn btn-primary" disabled={busy || !settings}>
          {t('save')}
        </button>
      </form>
    </section>
  );
}
