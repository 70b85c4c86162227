import type { GlpiConfig, ItsmVendor, JiraConfig, RtConfig, ServiceNowConfig, WebhookConfig } from '@walkup/itsm';
import { Type, type Static, type TSchema } from 'typebox';
import { Value } from 'typebox/value';

/**
 * One schema per vendor for the entries of WALKUP_ITSM_CONNECTIONS_FILE, checked after environment
 * references are resolved. Unknown fields are refused so a typo (`pasword`) fails at start instead
 * of silently falling back to a default.
 */
const closed = { additionalProperties: false } as const;
const Text = Type.String({ minLength: 1 });
const Common = { timeoutMs: Type.Optional(Type.Integer({ minimum: 1 })) };

const BasicAuth = Type.Object({ kind: Type.Literal('basic'), username: Text, password: Text }, closed);
const ClientCredentialsAuth = Type.Object({ kind: Type.Literal('oauth_client_credentials'), clientId: Text, clientSecret: Text }, closed);
const PasswordGrantAuth = Type.Object({ kind: Type.Literal('oauth_password'), clientId: Text, clientSecret: Text, username: Text, password: Text }, closed);
const serviceNowAuthByKind: Record<string, TSchema> = { basic: BasicAuth, oauth_client_credentials: ClientCredentialsAuth, oauth_password: PasswordGrantAuth };

const serviceNowWith = <A extends TSchema>(auth: A) =>
  Type.Object(
    {
      vendor: Type.Literal('servicenow'),
      ...Common,
      instanceUrl: Text,
      auth,
      table: Type.Optional(Type.Union([Type.Literal('incident'), Type.Literal('interaction')])),
      apiVersion: Type.Optional(Type.Union([Type.Literal('v1'), Type.Literal('v2')])),
      contactType: Type.Optional(Text),
      closeCode: Type.Optional(Text),
      cancelOnNoShow: Type.Optional(Type.Boolean()),
      assignees: Type.Optional(Type.Record(Type.String(), Text)),
    },
    closed,
  );
const ServiceNow = serviceNowWith(Type.Union([BasicAuth, ClientCredentialsAuth, PasswordGrantAuth]));

const Jira = Type.Object(
  {
    vendor: Type.Literal('jira'),
    ...Common,
    siteUrl: Text,
    email: Text,
    apiToken: Text,
    serviceDeskId: Text,
    requestTypeId: Text,
    requestTypes: Type.Optional(Type.Record(Type.String(), Type.Object({ requestTypeId: Text, serviceDeskId: Type.Optional(Text) }, closed))),
    transitions: Type.Optional(Type.Object({ start: Type.Optional(Text), resolve: Type.Optional(Text), cancel: Type.Optional(Text), noShow: Type.Optional(Text) }, closed)),
    correlationFieldId: Type.Optional(Text),
  },
  closed,
);

const Glpi = Type.Object(
  {
    vendor: Type.Literal('glpi'),
    ...Common,
    apiUrl: Text,
    appToken: Text,
    userToken: Text,
    requestSourceId: Type.Optional(Type.Integer()),
    solutionTypeId: Type.Optional(Type.Integer()),
  },
  closed,
);

const Rt = Type.Object(
  {
    vendor: Type.Literal('rt'),
    ...Common,
    url: Text,
    token: Text,
    queue: Text,
    visitIdField: Type.Optional(Text),
    statuses: Type.Optional(Type.Object({ started: Type.Optional(Text), resolved: Type.Optional(Text), noShow: Type.Optional(Text), cancelled: Type.Optional(Text) }, closed)),
    owners: Type.Optional(Type.Record(Type.String(), Text)),
    priorities: Type.Optional(Type.Record(Type.String(), Type.Integer({ minimum: 0, maximum: 255 }))),
    escalationQueues: Type.Optional(Type.Record(Type.String(), Text)),
    resolutionToRequestor: Type.Optional(Type.Boolean()),
  },
  closed,
);

const Webhook = Type.Object({ vendor: Type.Literal('webhook'), ...Common, url: Text, secret: Text }, closed);
const None = Type.Object({ vendor: Type.Literal('none'), ...Common }, closed);

const connectionSchemas: Record<ItsmVendor, TSchema> = { none: None, servicenow: ServiceNow, jira: Jira, glpi: Glpi, rt: Rt, webhook: Webhook };
export const vendors = Object.keys(connectionSchemas) as ItsmVendor[];

/**
 * The schema to check an entry against, or what is wrong with it. ServiceNow's auth is picked by
 * its `kind` first: checked against the union, a small mistake would be reported once per variant.
 */
export function schemaForEntry(vendor: ItsmVendor, entry: Record<string, unknown>): TSchema | string {
  if (vendor !== 'servicenow') return connectionSchemas[vendor];
  const kind = (entry.auth as { kind?: unknown } | undefined)?.kind;
  const auth = typeof kind === 'string' && Object.hasOwn(serviceNowAuthByKind, kind) ? serviceNowAuthByKind[kind] : undefined;
  return auth ? serviceNowWith(auth) : `auth.kind must be one of ${Object.keys(serviceNowAuthByKind).join(', ')}`;
}

/**
 * What is wrong with an entry of the given vendor, each problem with the dotted path of its field
 * ('' for the entry itself). Used by the connections file and the admin API alike.
 */
export function entryProblems(vendor: ItsmVendor, entry: Record<string, unknown>): Array<{ field: string; message: string }> {
  const schema = schemaForEntry(vendor, entry);
  if (typeof schema === 'string') return [{ field: 'auth.kind', message: schema.replace(/^auth\.kind /, '') }];
  const problems: Array<{ field: string; message: string }> = [];
  for (const error of Value.Errors(schema, entry)) {
    const field = error.instancePath.slice(1).replaceAll('/', '.');
    if (error.keyword === 'additionalProperties') problems.push({ field, message: `unknown field(s) ${(error.params as { additionalProperties: string[] }).additionalProperties.join(', ')}` });
    else if (error.keyword === 'required') {
      // Named as the missing field itself, so a form can point at it.
      for (const missing of (error.params as { requiredProperties: string[] }).requiredProperties) problems.push({ field: field ? `${field}.${missing}` : missing, message: 'is required' });
    }
    else if (error.keyword !== 'boolean') problems.push({ field, message: error.message });
  }
  return problems;
}

/** Fields that hold secrets: the file must give them as `{ "env": "VARIABLE" }`, never as text. */
export const secretFields: ReadonlySet<string> = new Set(['password', 'clientSecret', 'apiToken', 'appToken', 'userToken', 'token', 'secret']);

// The schemas must stay in step with the adapters' config types: these fail to compile otherwise.
type Conforms<S, T> = S extends T ? true : never;
const _schemasMatchConfigTypes: [
  Conforms<Static<typeof ServiceNow>, ServiceNowConfig>,
  Conforms<Static<typeof Jira>, JiraConfig>,
  Conforms<Static<typeof Glpi>, GlpiConfig>,
  Conforms<Static<typeof Rt>, RtConfig>,
  Conforms<Static<typeof Webhook>, WebhookConfig>,
] = [true, true, true, true, true];
