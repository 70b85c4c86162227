import { useConsole } from '../console-context.ts';
import { useAdminText } from './admin-messages.ts';

/** The admin screens act on one site at a time; admins see every site. */
export function SiteSelect({ id, value, onChange }: { id: string; value: string; onChange: (siteId: string) => void }) {
  const store = useConsole();
  const t = useAdminText();
  return (
    <div class="field">
      <label for={id}>{t('site')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {store.sites.value.map((site) => (
          <option key={site.id} value={site.id}>
            {site.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function useDefaultSiteId(): string {
  const store = useConsole();
  return store.selection.value.siteId ?? store.sites.value[0]?.id ?? '';
}
