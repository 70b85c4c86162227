import { useConsole } from './console-context.ts';
import { SiteSelect } from './admin/SiteSelect.tsx';

/** Site, technician and desk: chosen once, then remembered in localStorage. */
export function SetupPanel() {
  const store = useConsole();
  const { t } = store.i18n;
  const { siteId, technicianId, deskId } = store.selection.value;
  const config = store.config.value;
  const complete = Boolean(siteId && technicianId && deskId && config);

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (complete) store.editingSetup.value = false;
  };

  return (
    <form class="panel setup" onSubmit={onSubmit} aria-labelledby="setup-title">
      <h2 id="setup-title">{t('setupTitle')}</h2>
      <SiteSelect id="setup-site" value={siteId ?? ''} emptyLabel={t('choose')} onChange={(chosen) => store.choose({ siteId: chosen || null })} />
      <div class="field">
        <label for="setup-technician">{t('technician')}</label>
        <select
          id="setup-technician"
          value={technicianId ?? ''}
          disabled={!config || Boolean(store.session.value?.technicianId)}
          onChange={(e) => store.choose({ technicianId: e.currentTarget.value || null })}
        >
          <option value="">{t('choose')}</option>
          {config?.technicians.map((technician) => (
            <option key={technician.id} value={technician.id}>
              {technician.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="setup-desk">{t('desk')}</label>
        <select id="setup-desk" value={deskId ?? ''} disabled={!config} onChange={(e) => store.choose({ deskId: e.currentTarget.value || null })}>
          <option value="">{t('choose')}</option>
          {config?.desks.map((desk) => (
            <option key={desk.id} value={desk.id}>
              {desk.name}
            </option>
          ))}
        </select>
      </div>
      <button class="btn btn-primary" type="submit" disabled={!complete}>
        {t('startWorking')}
      </button>
    </form>
  );
}
