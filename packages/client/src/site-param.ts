import type { ApiClient } from './api-client.ts';

/**
 * Which site a kiosk or display shows: `?site=<id>` on the URL so one build serves every site, or the
 * first site when there is only one and nobody bothered to configure it.
 */
export async function resolveSiteId(api: ApiClient, search: string = globalThis.location.search): Promise<string> {
  const fromUrl = new URLSearchParams(search).get('site');
  if (fromUrl) return fromUrl;
  const [first] = await api.listSites();
  if (!first) throw new Error('No site is configured on the server');
  return first.id;
}

export function queryParam(name: string, search: string = globalThis.location.search): string | null {
  return new URLSearchParams(search).get(name);
}
