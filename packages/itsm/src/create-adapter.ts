import type { FetchLike, ItsmAdapter } from './adapter.ts';
import type { ItsmConnectionConfig } from './config.ts';
import { createGlpiAdapter } from './glpi-adapter.ts';
import { createJiraAdapter } from './jira-adapter.ts';
import { createNoopAdapter } from './noop-adapter.ts';
import { createRtAdapter } from './rt-adapter.ts';
import { createServiceNowAdapter } from './servicenow-adapter.ts';
import { createWebhookAdapter } from './webhook-adapter.ts';

export function createAdapter(config: ItsmConnectionConfig, fetchImpl: FetchLike = fetch): ItsmAdapter {
  switch (config.vendor) {
    case 'none':
      return createNoopAdapter();
    case 'servicenow':
      return createServiceNowAdapter(config, fetchImpl);
    case 'jira':
      return createJiraAdapter(config, fetchImpl);
    case 'glpi':
      return createGlpiAdapter(config, fetchImpl);
    case 'rt':
      return createRtAdapter(config, fetchImpl);
    case 'webhook':
      return createWebhookAdapter(config, fetchImpl);
  }
}
