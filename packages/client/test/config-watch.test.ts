import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '@walkup/protocol';
import { watchSiteConfig } from '../src/config-watch.ts';
import { createSiteStore } from '../src/site-store.ts';
import { checkedIn, snapshot } from './fixtures.ts';

function configChanged(seq: number): ServerMessage {
  return {
    type: 'event',
    event: { siteId: 'hq', seq, type: 'site.config_changed', visitId: null, at: '2026-11-23T09:00:00.000Z', data: { change: 'queue.created', target: 'hq-tablets', by: '', queues: [{ id: 'hq-tablets', prefix: 'T', name: { en: 'Tablets' } }], desks: [] } },
  };
}

describe('watchSiteConfig', () => {
  it('reloads the configuration on a config change only, and the live view takes the new queues', async () => {
    const store = createSiteStore();
    let reloads = 0;
    const stop = watchSiteConfig(store, async () => {
      reloads++;
    });
    store.handleMessage(snapshot(10));
    store.handleMessage(checkedIn(11, 'v1'));
    expect(reloads).toBe(0);
    store.handleMessage(configChanged(12));
    expect(reloads).toBe(1);
    expect(store.view.value?.queues.map((q) => q.id)).toEqual(['hq-tablets']);
    stop();
    store.handleMessage(configChanged(13));
    expect(reloads).toBe(1);
  });
});
