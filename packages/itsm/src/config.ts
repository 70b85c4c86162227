/**
 * Connection settings per ITSM, a discriminated union on `vendor`. Secrets live here and nowhere
 * else: adapters redact them from every error message they raise.
 */
interface CommonConfig {
  /** Name shown in health views and logs; defaults to the vendor. */
  name?: string;
  /** Timeout of each HTTP request in milliseconds (default 10 000). */
  timeoutMs?: number;
}

export type ServiceNowAuth =
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'oauth_client_credentials'; clientId: string; clientSecret: string }
  | { kind: 'oauth_password'; clientId: string; clientSecret: string; username: string; password: string };

export interface ServiceNowConfig extends CommonConfig {
  vendor: 'servicenow';
  /** e.g. https://acme.service-now.com */
  instanceUrl: string;
  auth: ServiceNowAuth;
  /** `incident` (default) or `interaction` for shops using ServiceNow's own walk-up module. */
  table?: 'incident' | 'interaction';
  /** Table API version: v1 answers 404 to an empty query, v2 an empty list (default v2). */
  apiVersion?: 'v1' | 'v2';
  contactType?: string;
  closeCode?: string;
  /** Cancel the incident (state 8) when the visitor does not show up; otherwise only a work note. */
  cancelOnNoShow?: boolean;
  /** walkup technician id -> sys_user sys_id set as `assigned_to` when that technician starts the visit. */
  assignees?: Record<string, string>;
}

export interface JiraConfig extends CommonConfig {
  vendor: 'jira';
  /** e.g. https://acme.atlassian.net */
  siteUrl: string;
  email: string;
  apiToken: string;
  serviceDeskId: string;
  requestTypeId: string;
  /** Per kiosk ITSM category: request type (and optionally service desk) to raise. */
  requestTypes?: Record<string, { requestTypeId: string; serviceDeskId?: string }>;
  /** Workflow transition ids; a missing one means "comment only". */
  transitions?: { start?: string; resolve?: string; cancel?: string; noShow?: string };
  /** Custom field holding the visit id (e.g. customfield_10050); labels are used when absent. */
  correlationFieldId?: string;
}

export interface GlpiConfig extends CommonConfig {
  vendor: 'glpi';
  /** e.g. https://glpi.acme.test/apirest.php */
  apiUrl: string;
  appToken: string;
  userToken: string;
  /** requesttypes_id of "walk-in"; GLPI ships "Direct" as 4. */
  requestSourceId?: number;
  /** solutiontypes_id used on resolve, if the site uses solution types. */
  solutionTypeId?: number;
}

export interface RtConfig extends CommonConfig {
  vendor: 'rt';
  /** REST2 base, e.g. https://rt.acme.test/REST/2.0 */
  url: string;
  token: string;
  queue: string;
  /** Ticket custom field that holds walkup's visit id (default KioskVisitId). */
  visitIdField?: string;
  statuses?: { started?: string; resolved?: string; noShow?: string; cancelled?: string };
  /** walkup technician id -> RT user (name or e-mail) set as Owner when that technician starts the visit. */
  owners?: Record<string, string>;
  /** RT Priority per walkup category id or ITSM category (the id wins); unmapped categories keep RT's default. */
  priorities?: Record<string, number>;
  /** Escalation group (or a transfer's assignment group) -> RT queue the ticket moves to, e.g. an L2 queue. */
  escalationQueues?: Record<string, string>;
  /** Send the resolution to the requestor as correspondence (RT mails it) instead of a private comment. */
  resolutionToRequestor?: boolean;
}

export interface WebhookConfig extends CommonConfig {
  vendor: 'webhook';
  url: string;
  secret: string;
}

export type ItsmConnectionConfig =
  | ({ vendor: 'none' } & CommonConfig)
  | ServiceNowConfig
  | JiraConfig
  | GlpiConfig
  | RtConfig
  | WebhookConfig;

export type ItsmVendor = ItsmConnectionConfig['vendor'];

/**
 * Named connections; each site names one (`default` when it names none). Built by the server's
 * config layer, secrets already resolved from environment variables.
 */
export type ItsmConnections = Record<string, ItsmConnectionConfig>;
