import type { ItsmConnectionList } from '@walkup/client';
import { useConsole } from '../../console-context.ts';
import { useConnectionText } from './connection-messages.ts';

/** Which connection each site's tickets go through; the ITSM worker switches at once. */
export function SiteConnectionPicker({ list, onChanged }: { list: ItsmConnectionList; onChanged: (list: ItsmConnectionList) => void }) {
  const store = useConsole();
  const t = useConnectionText();
  const choose = async (site: ItsmConnectionList['sites'][number], connection: string) => {
    try {
      onChanged(await store.api.chooseSiteItsmConnection(site.id, connection));
      store.toasts.show(t('siteSaved', { site: site.name, connection }), 'info');
    } catch (error) {
      store.reportError(error);
    }
  };
  const names = [...new Set(['default', ...list.connections.map((c) => c.name)])];
  return (
    <section class="panel" aria-labelledby="itsm-site-connections-title">
      <h2 id="itsm-site-connections-title">{t('sitesTitle')}</h2>
      {list.sites.map((site) => (
        <div class="field" key={site.id}>
          <label for={`itsm-site-${site.id}`}>{t('siteConnection', { site: site.name })}</label>
          <select id={`itsm-site-${site.id}`} value={site.connection} onChange={(e) => void choose(site, e.currentTarget.value)}>
            {names.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
            <option value="none">{t('none')}</option>
          </select>
        </div>
      ))}
    </section>
  );
}
