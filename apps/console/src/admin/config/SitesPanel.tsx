import type { AdminSetupView, AdminSiteView } from '@walkup/client';
import { useRef, useState } from 'preact/hooks';
import { useConsole } from '../../console-context.ts';
import { useLoaded } from '../use-loaded.ts';
import { SiteForm } from './SiteForm.tsx';
import { useSiteAdminText } from './site-admin-messages.ts';
import { RowActions } from './ConfigFormParts.tsx';
import { useRowAction } from './use-config-form.tsx';

interface Props {
  /** A site's setup after a change to it (archive, rename...). */
  onSaved: (setup: AdminSetupView) => void;
  /** A new site: the Configuration area switches to it. */
  onCreated: (setup: AdminSetupView) => void;
}

/**
 * Every site, archived ones included: add one, rename it, change its time zone and languages,
 * archive or restore it (refused while visitors wait there; the server's reason shows here).
 */
export function SitesPanel({ onSaved, onCreated }: Props) {
  const store = useConsole();
  const t = useSiteAdminText();
  const sites = useLoaded(() => store.api.listAdminSites(), []);
  const [editing, setEditing] = useState<string | null>(null);
  const title = useRef<HTMLHeadingElement>(null);

  // The site selectors read the console's site list: refresh it so a new or renamed site shows at once.
  const afterChange = async (setup: AdminSetupView) => {
    onSaved(setup);
    sites.reload();
    store.sites.value = await store.api.listSites();
  };
  const { run, refusalText } = useRowAction((setup) => void afterChange(setup));
  const close = () => {
    setEditing(null);
    title.current?.focus();
  };
  const edited = sites.value?.find((s) => s.id === editing) ?? null;
  // A site admin edits their own sites; adding, archiving and restoring sites is for admins.
  const isAdmin = store.session.value?.role === 'admin';

  return (
    <section class="panel" aria-labelledby="sites-title">
      <h3 id="sites-title" ref={title} tabIndex={-1}>
        {t('sitesTitle')}
      </h3>
      {refusalText}
      <table class="admin-table">
        <thead>
          <tr>
            <th scope="col">{t('colId')}</th>
            <th scope="col">{t('colName')}</th>
            <th scope="col">{t('colTimeZone')}</th>
            <th scope="col">{t('colLanguages')}</th>
            <th scope="col">{t('colState')}</th>
            <th scope="col">{t('colAction')}</th>
          </tr>
        </thead>
        <tbody>
          {(sites.value ?? []).map((site: AdminSiteView) => (
            <tr key={site.id} data-testid="site-row">
              <td>{site.id}</td>
              <td>{site.name}</td>
              <td>{site.timeZone}</td>
              <td>{site.languages.map((l) => (l === site.defaultLanguage ? `${l}*` : l)).join(', ')}</td>
              <td>{site.archived ? t('archived') : t('inUse')}</td>
              <RowActions
                name={site.name}
                archived={site.archived}
                onEdit={() => setEditing(site.id)}
                onArchive={isAdmin ? () => void run(() => store.api.changeSite(site.id, { archived: !site.archived }), t(site.archived ? 'siteRestored' : 'siteArchived', { name: site.name })) : undefined}
              />
            </tr>
          ))}
        </tbody>
      </table>
      {(isAdmin || edited) && (
      <SiteForm
        key={editing ?? 'new'}
        site={edited}
        onSaved={async (setup) => {
          await afterChange(setup);
          if (editing) close();
          else onCreated(setup);
        }}
        onCancel={close}
      />
      )}
    </section>
  );
}
