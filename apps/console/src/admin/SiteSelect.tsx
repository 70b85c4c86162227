import { useConsole } from '../console-context.ts';
import { useAdminText } from './admin-messages.ts';

/**
 * The sites the account may act on, as a labelled field. Admin screens act on one site at a time;
 * `emptyLabel` adds a first choice with the value '' ("All my sites", "Choose...").
 */
export function SiteSelect({ id, value, onChange, emptyLabel }: { id: string; value: string; onChange: (siteId: string) => void; emptyLabel?: string }) {
  const store = useConsole();
  const t = useAdminText();
  return (
    <div class="field">
      <label for={id}>{t('site')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
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
