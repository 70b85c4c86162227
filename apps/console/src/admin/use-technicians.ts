import { useConsole } from '../console-context.ts';
import { useLoaded } from './use-loaded.ts';

export interface TechnicianOption {
  id: string;
  name: string;
}

/** Every technician of every site, for linking accounts; the site configs are where they are listed. */
export function useTechnicians(): TechnicianOption[] {
  const store = useConsole();
  const sites = store.sites.value;
  const loaded = useLoaded(
    async () => {
      const configs = await Promise.all(sites.map((site) => store.api.getSiteConfig(site.id)));
      const byId = new Map(configs.flatMap((config) => config.technicians.map((t) => [t.id, { id: t.id, name: t.name }] as const)));
      return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
    },
    [sites, store],
  );
  return loaded.value ?? [];
}
