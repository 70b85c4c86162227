import type { ViewKind } from '@walkup/protocol';
import { createSiteConnection, type SiteConnection, type SiteConnectionOptions } from './site-connection.ts';
import type { SiteStore } from './site-store.ts';
import { saveDeviceToken } from './device-token.ts';

export type SiteSyncOptions = { siteId: string; view: ViewKind } & Pick<
  SiteConnectionOptions,
  'url' | 'token' | 'createSocket' | 'backoff' | 'pingIntervalMs' | 'onUnauthorized'
>;

/** A revoked device forgets its token and starts over, which shows the pairing screen. */
function forgetDeviceAndRestart(): void {
  saveDeviceToken(null);
  globalThis.location?.reload();
}

/**
 * Keeps a store in step with the server: every message goes through the store, and a gap in the
 * event sequence triggers one resubscribe from the last applied seq, so nothing is ever skipped.
 */
export function syncSiteStore(store: SiteStore, options: SiteSyncOptions): SiteConnection {
  // Ask once per stuck seq: events already in flight would otherwise each trigger another request.
  let resyncRequestedAt: number | undefined | null = null;
  const connection: SiteConnection = createSiteConnection({
    ...options,
    onUnauthorized: options.onUnauthorized ?? forgetDeviceAndRestart,
    sinceSeq: () => store.currentSeq(),
    onConnectedChange: (connected) => {
      resyncRequestedAt = null;
      store.connected.value = connected;
    },
    onMessage: (message) => {
      if (store.handleMessage(message) !== 'gap') return;
      const seq = store.currentSeq();
      if (resyncRequestedAt === seq) return;
      resyncRequestedAt = seq;
      connection.resubscribe();
    },
  });
  return connection;
}
