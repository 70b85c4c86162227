import { useState } from 'preact/hooks';
import { useConsole } from '../../console-context.ts';
import { SiteSelect, useDefaultSiteId } from '../SiteSelect.tsx';
import { useLoaded } from '../use-loaded.ts';
import { CategoriesPanel } from './CategoriesPanel.tsx';
import { ClosuresPanel } from './ClosuresPanel.tsx';
import { ConfigFilePanel } from './ConfigFilePanel.tsx';
import { DesksPanel } from './DesksPanel.tsx';
import { OpeningHoursPanel } from './OpeningHoursPanel.tsx';
import { SitesPanel } from './SitesPanel.tsx';
import { TechniciansPanel } from './TechniciansPanel.tsx';
import { QueuesPanel } from './QueuesPanel.tsx';
import { SiteSettingsPanel } from './SiteSettingsPanel.tsx';
import { useConfigText } from './config-messages.ts';

/**
 * The Configuration area of the Admin tab: one site's live configuration, one small panel per
 * part. Every save answers with the whole setup, which replaces what the panels show; kiosks and
 * displays learn about it from the server's `site.config_changed` push.
 */
export function ConfigurationPanel() {
  const store = useConsole();
  const t = useConfigText();
  const [siteId, setSiteId] = useState(useDefaultSiteId());
  const loaded = useLoaded(() => store.api.getAdminSetup(siteId), [siteId]);
  const [saved, setSaved] = useState<{ siteId: string; setup: NonNullable<typeof loaded.value> } | null>(null);
  const setup = saved?.siteId === siteId ? saved.setup : loaded.value;
  const onSaved = (next: NonNullable<typeof loaded.value>) => setSaved({ siteId, setup: next });
  return (
    <div class="config-area">
      <SitesPanel
        onSaved={(next) => next.site.id === siteId && onSaved(next)}
        onCreated={(next) => {
          setSaved({ siteId: next.site.id, setup: next });
          setSiteId(next.site.id);
        }}
      />
      <div class="admin-form">
        <SiteSelect id="config-site" value={siteId} onChange={setSiteId} />
      </div>
      {!setup || setup.site.id !== siteId ? (
        <p aria-live="polite">{t('loading')}</p>
      ) : (
        <>
          {/* Keyed by site: switching sites starts each form from that site's values. */}
          <SiteSettingsPanel key={siteId} siteId={siteId} setup={setup} onSaved={onSaved} />
          <QueuesPanel siteId={siteId} setup={setup} onSaved={onSaved} />
          <CategoriesPanel key={`categories-${siteId}`} siteId={siteId} setup={setup} onSaved={onSaved} />
          <ClosuresPanel siteId={siteId} setup={setup} onSaved={onSaved} />
          <OpeningHoursPanel key={`hours-${siteId}`} siteId={siteId} setup={setup} onSaved={onSaved} />
          <DesksPanel siteId={siteId} setup={setup} onSaved={onSaved} />
          <TechniciansPanel siteId={siteId} setup={setup} onSaved={onSaved} />
        </>
      )}
      {/* Whole-configuration files span every site: admins only. */}
      {store.session.value?.role === 'admin' && (
        <ConfigFilePanel
          onApplied={() => {
            setSaved(null);
            loaded.reload();
          }}
        />
      )}
    </div>
  );
}
