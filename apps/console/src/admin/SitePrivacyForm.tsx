import { useEffect, useState } from 'preact/hooks';
import { useConsole } from '../console-context.ts';
import { useAdminText } from './admin-messages.ts';
import { SiteSelect, useDefaultSiteId } from './SiteSelect.tsx';

/** Names on wall displays and how long visitors' personal data is kept, per site. */
export function SitePrivacyForm() {
  const store = useConsole();
  const t = useAdminText();
  const [siteId, setSiteId] = useState(useDefaultSiteId());
  const [showNames, setShowNames] = useState(false);
  const [retentionDays, setRetentionDays] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!siteId) return;
    let live = true;
    setLoaded(false);
    store.api.getSitePrivacy(siteId).then(
      (settings) => {
        if (!live) return;
        setShowNames(settings.showNamesOnDisplay);
        setRetentionDays(String(settings.retentionDays));
        setLoaded(true);
      },
      (error: unknown) => live && store.reportError(error),
    );
    return () => {
      live = false;
    };
  }, [siteId, store]);

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy || !loaded) return;
    setBusy(true);
    try {
      const saved = await store.api.updateSitePrivacy(siteId, { showNamesOnDisplay: showNames, retentionDays: Number(retentionDays) });
      setShowNames(saved.showNamesOnDisplay);
      setRetentionDays(String(saved.retentionDays));
      const site = store.sites.value.find((s) => s.id === siteId)?.name ?? siteId;
      store.toasts.show(t('saved', { site }), 'info');
    } catch (error) {
      store.reportError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="site-privacy-title">
      <h2 id="site-privacy-title">{t('settingsTitle')}</h2>
      <form class="admin-form" onSubmit={onSubmit}>
        <SiteSelect id="privacy-site" value={siteId} onChange={setSiteId} />
        <label class="check-field">
          <input type="checkbox" checked={showNames} disabled={!loaded} onChange={(e) => setShowNames(e.currentTarget.checked)} />
          {t('showNames')}
        </label>
        <div class="field">
          <label for="privacy-retention">{t('retentionDays')}</label>
          <input
            id="privacy-retention"
            type="number"
            required
            min={1}
            max={3650}
            step={1}
            disabled={!loaded}
            aria-describedby="privacy-retention-help"
            value={retentionDays}
            onInput={(e) => setRetentionDays(e.currentTarget.value)}
          />
          <small id="privacy-retention-help" class="muted">
            {t('retentionHelp')}
          </small>
        </div>
        <button type="submit" class="btn btn-primary" disabled={busy || !loaded}>
          {t('save')}
        </button>
      </form>
    </section>
  );
}
