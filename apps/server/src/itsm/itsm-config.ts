import type { ItsmConnectionConfig, ServiceNowAuth } from '@walkup/itsm';

type Env = Record<string, string | undefined>;

/**
 * Reads the `default` ITSM connection (sites that name no other one) from the environment the
 * config module hands over. Errors name missing keys, never values: they may be secrets.
 */
export function parseItsmConfigFromEnv(env: Env): ItsmConnectionConfig {
  const vendor = (env.WALKUP_ITSM_VENDOR ?? 'none').trim().toLowerCase();
  const missing: string[] = [];
  const need = (key: string): string => {
    const value = env[key]?.trim();
    if (!value) missing.push(key);
    return value ?? '';
  };
  const opt = (key: string) => env[key]?.trim() || undefined;
  const num = (key: string) => (opt(key) ? Number(opt(key)) : undefined);
  const common = { name: opt('WALKUP_ITSM_NAME'), timeoutMs: num('WALKUP_ITSM_TIMEOUT_MS') };
  let config: ItsmConnectionConfig;
  switch (vendor) {
    case 'none':
      return { vendor: 'none', ...common };
    case 'servicenow':
      config = {
        vendor: 'servicenow',
        ...common,
        instanceUrl: need('WALKUP_SERVICENOW_URL'),
        auth: serviceNowAuth(env, need),
        table: opt('WALKUP_SERVICENOW_TABLE') === 'interaction' ? 'interaction' : 'incident',
        apiVersion: opt('WALKUP_SERVICENOW_API_VERSION') === 'v1' ? 'v1' : 'v2',
        contactType: opt('WALKUP_SERVICENOW_CONTACT_TYPE'),
        closeCode: opt('WALKUP_SERVICENOW_CLOSE_CODE'),
        cancelOnNoShow: opt('WALKUP_SERVICENOW_CANCEL_ON_NO_SHOW') === 'true',
      };
      break;
    case 'jira':
      config = {
        vendor: 'jira',
        ...common,
        siteUrl: need('WALKUP_JIRA_URL'),
        email: need('WALKUP_JIRA_EMAIL'),
        apiToken: need('WALKUP_JIRA_API_TOKEN'),
        serviceDeskId: need('WALKUP_JIRA_SERVICE_DESK_ID'),
        requestTypeId: need('WALKUP_JIRA_REQUEST_TYPE_ID'),
        requestTypes: opt('WALKUP_JIRA_REQUEST_TYPES') ? JSON.parse(opt('WALKUP_JIRA_REQUEST_TYPES')!) : undefined,
        transitions: {
          start: opt('WALKUP_JIRA_TRANSITION_START'),
          resolve: opt('WALKUP_JIRA_TRANSITION_RESOLVE'),
          cancel: opt('WALKUP_JIRA_TRANSITION_CANCEL'),
          noShow: opt('WALKUP_JIRA_TRANSITION_NO_SHOW'),
        },
        correlationFieldId: opt('WALKUP_JIRA_CORRELATION_FIELD'),
      };
      break;
    case 'glpi':
      config = {
        vendor: 'glpi',
        ...common,
        apiUrl: need('WALKUP_GLPI_URL'),
        appToken: need('WALKUP_GLPI_APP_TOKEN'),
        userToken: need('WALKUP_GLPI_USER_TOKEN'),
        requestSourceId: num('WALKUP_GLPI_REQUEST_SOURCE_ID'),
        solutionTypeId: num('WALKUP_GLPI_SOLUTION_TYPE_ID'),
      };
      break;
    case 'rt':
      config = {
        vendor: 'rt',
        ...common,
        url: need('WALKUP_RT_URL'),
        token: need('WALKUP_RT_TOKEN'),
        queue: need('WALKUP_RT_QUEUE'),
        visitIdField: opt('WALKUP_RT_VISIT_ID_FIELD'),
        statuses: {
          ...(opt('WALKUP_RT_STATUS_STARTED') && { started: opt('WALKUP_RT_STATUS_STARTED') }),
          ...(opt('WALKUP_RT_STATUS_RESOLVED') && { resolved: opt('WALKUP_RT_STATUS_RESOLVED') }),
          ...(opt('WALKUP_RT_STATUS_NO_SHOW') && { noShow: opt('WALKUP_RT_STATUS_NO_SHOW') }),
          ...(opt('WALKUP_RT_STATUS_CANCELLED') && { cancelled: opt('WALKUP_RT_STATUS_CANCELLED') }),
        },
      };
      break;
    case 'webhook':
      config = { vendor: 'webhook', ...common, url: need('WALKUP_WEBHOOK_URL'), secret: need('WALKUP_WEBHOOK_SECRET') };
      break;
    default:
      throw new Error(`WALKUP_ITSM_VENDOR must be one of none, servicenow, jira, glpi, rt, webhook (got '${vendor}')`);
  }
  if (missing.length > 0) throw new Error(`ITSM '${vendor}' needs ${missing.join(', ')}`);
  return config;
}

function serviceNowAuth(env: Env, need: (key: string) => string): ServiceNowAuth {
  const clientId = env.WALKUP_SERVICENOW_CLIENT_ID?.trim();
  const user = env.WALKUP_SERVICENOW_USER?.trim();
  if (!clientId) return { kind: 'basic', username: need('WALKUP_SERVICENOW_USER'), password: need('WALKUP_SERVICENOW_PASSWORD') };
  const clientSecret = need('WALKUP_SERVICENOW_CLIENT_SECRET');
  if (!user) return { kind: 'oauth_client_credentials', clientId, clientSecret };
  return { kind: 'oauth_password', clientId, clientSecret, username: user, password: need('WALKUP_SERVICENOW_PASSWORD') };
}
