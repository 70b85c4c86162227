import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ItsmConnectionConfig, ItsmConnections, ItsmVendor } from '@walkup/itsm';
import { entryProblems, secretFields, vendors } from './itsm-connection-schema.ts';
import { parseItsmConfigFromEnv } from './itsm-config.ts';

type Env = Record<string, string | undefined>;

/** The connection of sites that name none; the single-connection WALKUP_ITSM_* keys define it. */
export const defaultConnectionName = 'default';
/** Reserved: a site naming it creates no tickets. */
export const noConnectionName = 'none';
export const connectionNamePattern = '^[a-z0-9][a-z0-9_-]{0,63}$';

/**
 * Every ITSM connection sites may name: `default` from the WALKUP_ITSM_* keys (or the file), plus
 * the named ones of WALKUP_ITSM_CONNECTIONS_FILE (relative paths from `baseDir`). Secrets in the
 * file are `{ "env": "VARIABLE" }` references resolved here, once; errors name the file, the
 * connection, the field and the variable, never a value.
 */
export function parseItsmConnections(env: Env, baseDir: string): ItsmConnections {
  const fileSetting = env.WALKUP_ITSM_CONNECTIONS_FILE?.trim();
  const named = fileSetting ? readConnectionsFile(path.resolve(baseDir, fileSetting), env) : {};
  if (Object.hasOwn(named, defaultConnectionName) && env.WALKUP_ITSM_VENDOR?.trim()) {
    throw new Error(`the '${defaultConnectionName}' ITSM connection is defined twice: by WALKUP_ITSM_VENDOR and in ${fileSetting}; keep one`);
  }
  const connections: ItsmConnections = { [defaultConnectionName]: parseItsmConfigFromEnv(env), ...named };
  assertUniqueDisplayNames(connections);
  return connections;
}

function readConnectionsFile(file: string, env: Env): ItsmConnections {
  const fail = (problems: string[]): never => {
    throw new Error(`ITSM connections file ${file}: ${problems.join('; ')}`);
  };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return fail([`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // JSON.parse quotes the text around the mistake, which may be a secret written by hand.
    return fail(['is not valid JSON']);
  }
  const entries = isObject(data) && isObject(data.connections) ? Object.entries(data.connections) : fail(['expected { "connections": { "<name>": { "vendor": ... } } }']);
  if (isObject(data) && Object.keys(data).some((key) => key !== 'connections')) fail(['only "connections" is expected at the top level']);
  const connections: ItsmConnections = {};
  const problems: string[] = [];
  for (const [name, entry] of entries) {
    const before = problems.length;
    const config = parseConnection(name, entry, env, problems);
    if (config && problems.length === before) connections[name] = config;
  }
  if (problems.length > 0) fail(problems);
  return connections;
}

function parseConnection(name: string, entry: unknown, env: Env, problems: string[]): ItsmConnectionConfig | null {
  const where = `connection '${name}'`;
  if (!new RegExp(connectionNamePattern).test(name)) {
    problems.push(`${where}: names use a-z, 0-9, '-' and '_' (at most 64)`);
    return null;
  }
  if (name === noConnectionName) {
    problems.push(`${where}: '${noConnectionName}' is reserved for sites without ITSM`);
    return null;
  }
  if (!isObject(entry)) {
    problems.push(`${where}: expected an object with a "vendor"`);
    return null;
  }
  const vendor = entry.vendor;
  if (!vendors.includes(vendor as ItsmVendor)) {
    problems.push(`${where}: vendor must be one of ${vendors.join(', ')}`);
    return null;
  }
  const resolved = resolveReferences(entry, '', env, (problem) => problems.push(`${where}: ${problem}`)) as Record<string, unknown>;
  for (const { field, message } of entryProblems(vendor as ItsmVendor, resolved)) {
    if (field === 'auth.kind' && message.startsWith('must be one of')) problems.push(`${where}: auth.kind ${message}`);
    else if (message.startsWith('unknown field')) problems.push(`${field ? `${where}: ${field}` : where}: ${message}`);
    else if (message === 'is required') {
      const parent = field.split('.').slice(0, -1).join('.');
      problems.push(`${parent ? `${where}: ${parent}` : where} must have required properties ${field.split('.').at(-1)}`);
    }
    else problems.push(`${field ? `${where}: ${field}` : where} ${message}`);
  }
  // The key is the connection's name everywhere: health view, logs, the sites that use it.
  return { ...(resolved as unknown as ItsmConnectionConfig), name };
}

/** Stands in for a value already reported, so the schema check does not report it a second time. */
const unresolved = '(unresolved)';

/** Replaces `{ "env": "X" }` with the variable's value; secret fields must be such references. */
function resolveReferences(value: unknown, field: string, env: Env, problem: (message: string) => void): unknown {
  if (isEnvReference(value)) {
    const resolved = env[value.env]?.trim();
    if (!resolved) problem(`${field} refers to ${value.env}, which is not set`);
    return resolved || unresolved;
  }
  if (Array.isArray(value)) return value.map((item, index) => resolveReferences(item, `${field}.${index}`, env, problem));
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const at = field ? `${field}.${key}` : key;
    if (secretFields.has(key) && !isEnvReference(item)) {
      problem(`${at} is a secret: give it as {"env": "VARIABLE_NAME"}, never as text in the file`);
      out[key] = unresolved;
      continue;
    }
    out[key] = resolveReferences(item, at, env, problem);
  }
  return out;
}

function isEnvReference(value: unknown): value is { env: string } {
  return isObject(value) && Object.keys(value).length === 1 && typeof value.env === 'string' && value.env.length > 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Health views and connection status rows are keyed by display name: two connections must not share one. */
function assertUniqueDisplayNames(connections: ItsmConnections): void {
  const owners = new Map<string, string>();
  for (const [key, config] of Object.entries(connections)) {
    if (config.vendor === 'none') continue;
    const shown = config.name ?? config.vendor;
    const other = owners.get(shown);
    if (other) throw new Error(`ITSM connections '${other}' and '${key}' would both be shown as '${shown}'; set WALKUP_ITSM_NAME or rename one`);
    owners.set(shown, key);
  }
}
