import type { ItsmConnectionFields, ItsmConnectionView } from '@walkup/client';

export const editableVendors = ['rt', 'servicenow', 'jira', 'glpi', 'webhook'] as const;
export type EditableVendor = (typeof editableVendors)[number];

export interface VendorField {
  /** Dotted path in the connection, as in WALKUP_ITSM_CONNECTIONS_FILE (`auth.password`). */
  path: string;
  secret?: boolean;
  optional?: boolean;
  number?: boolean;
}

/**
 * The fields the form shows per vendor: what a connection needs, plus the usual options. Other
 * options (RT statuses, owners...) are kept as they are when a connection is edited.
 */
export const vendorFields: Record<EditableVendor, VendorField[]> = {
  rt: [{ path: 'url' }, { path: 'token', secret: true }, { path: 'queue' }, { path: 'visitIdField', optional: true }],
  servicenow: [{ path: 'instanceUrl' }, { path: 'auth.username' }, { path: 'auth.password', secret: true }, { path: 'table', optional: true }],
  jira: [{ path: 'siteUrl' }, { path: 'email' }, { path: 'apiToken', secret: true }, { path: 'serviceDeskId' }, { path: 'requestTypeId' }],
  glpi: [{ path: 'apiUrl' }, { path: 'appToken', secret: true }, { path: 'userToken', secret: true }, { path: 'requestSourceId', optional: true, number: true }],
  webhook: [{ path: 'url' }, { path: 'secret', secret: true }],
};

/** The form's own defaults: the console sets up ServiceNow with a user name and password. */
const vendorDefaults: Partial<Record<EditableVendor, Record<string, unknown>>> = { servicenow: { auth: { kind: 'basic' } } };

export function readPath(settings: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), settings);
}

function writePath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  if (value === undefined) delete node[keys.at(-1)!];
  else node[keys.at(-1)!] = value;
}

/** The values the form starts with: the stored settings as text; secrets always start blank. */
export function initialValues(vendor: EditableVendor, connection: ItsmConnectionView | null): Record<string, string> {
  const settings = connection?.vendor === vendor ? connection.settings : {};
  return Object.fromEntries(vendorFields[vendor].map((field) => [field.path, field.secret ? '' : String(readPath(settings, field.path) ?? '')]));
}

/**
 * The request body: the connection's other settings untouched, the form's fields over them. A blank
 * secret is sent blank, which the server reads as "keep the stored one".
 */
export function connectionBody(vendor: EditableVendor, values: Record<string, string>, connection: ItsmConnectionView | null): ItsmConnectionFields {
  const body: Record<string, unknown> = structuredClone(connection?.vendor === vendor ? connection.settings : (vendorDefaults[vendor] ?? {}));
  for (const field of vendorFields[vendor]) {
    const text = values[field.path]?.trim() ?? '';
    const value = text === '' && field.optional ? undefined : field.number ? Number(text) : text;
    writePath(body, field.path, value);
  }
  return { ...body, vendor };
}
