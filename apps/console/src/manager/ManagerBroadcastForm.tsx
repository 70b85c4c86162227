import { useState } from 'preact/hooks';
import { BroadcastFields } from '../BroadcastForm.tsx';
import { useConsole } from '../console-context.ts';
import { SiteSelect } from '../admin/SiteSelect.tsx';

/** On the manager tab: any site of theirs; what is shown now is not known there, so Clear is always offered. */
export function ManagerBroadcastForm() {
  const store = useConsole();
  const [siteId, setSiteId] = useState(store.sites.value[0]?.id ?? '');
  if (store.sites.value.length === 0) return null;
  return (
    <BroadcastFields siteId={siteId} current={undefined}>
      <SiteSelect id="broadcast-site" value={siteId} onChange={setSiteId} />
    </BroadcastFields>
  );
}
