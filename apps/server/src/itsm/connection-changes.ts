import { ConflictError, InvalidInputError, NotFoundError } from '@walkup/domain';
import type { ItsmVendor } from '@walkup/itsm';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../auth/actor.ts';
import { recordAudit } from '../auth/audit.ts';
import type { Db } from '../db/connection.ts';
import { liveLists } from '../site-config/config-change.ts';
import { withSiteConfigTables } from '../site-config/site-config-schema.ts';
import { commitChange, type AppendEvent } from '../use-cases/commit-change.ts';
import type { UseCaseDeps } from '../use-cases/deps.ts';
import { mergeSecrets, splitSecrets, type SecretBox, type SecretValues } from './connection-secrets.ts';
import type { ItsmDelivery } from './index.ts';
import { entryProblems } from './itsm-connection-schema.ts';
import { connectionNamePattern, defaultConnectionName, noConnectionName } from './itsm-connections.ts';
import type { SiteItsmAdapters } from './site-itsm-adapters.ts';
import * as stored from './stored-connections.ts';

export interface ConnectionChangeDeps extends UseCaseDeps {
  adapters: SiteItsmAdapters;
  secretBox: SecretBox | null;
  delivery: ItsmDelivery;
}

export type ConnectionFields = Record<string, unknown> & { vendor: ItsmVendor };

const urlFields = new Set(['url', 'instanceUrl', 'siteUrl', 'apiUrl']);
const invalid = (field: string, message: string) => new InvalidInputError('invalid_field', `body/${field.replaceAll('.', '/')} ${message}`);

/**
 * Checks an admin's connection against the vendor's schema (the one the connections file uses) with
 * the secrets it keeps: a secret left blank keeps the stored one, unless the vendor changes. Throws
 * naming the first wrong field; returns what to store.
 */
function prepare(body: ConnectionFields, kept: SecretValues, box: SecretBox | null) {
  const { vendor, ...fields } = body;
  const { settings, secrets: typed } = splitSecrets(fields);
  const secrets = { ...kept, ...Object.fromEntries(Object.entries(typed).filter(([, value]) => value.trim() !== '')) };
  const problem = entryProblems(vendor, { vendor, ...mergeSecrets(settings, secrets) })[0];
  if (problem) throw invalid(problem.field || 'vendor', problem.message);
  for (const [field, value] of Object.entries(settings)) {
    if (urlFields.has(field) && typeof value === 'string' && !/^https?:\/\/[^\s/]+/.test(value)) throw invalid(field, 'must be an http(s) address');
  }
  const paths = Object.keys(secrets).sort();
  if (paths.length > 0 && !box) throw new ConflictError('itsm_secret_key_missing', 'set WALKUP_ITSM_SECRET_KEY before storing ITSM credentials: they are kept encrypted with it');
  return {
    vendor,
    settings: JSON.stringify(settings),
    secrets: paths.length > 0 ? box!.seal(secrets) : null,
    secret_fields: JSON.stringify(paths),
    audit: { vendor, settings, secretsChanged: Object.keys(typed).filter((path) => typed[path]!.trim() !== '') },
  };
}

/** Names the console may not take: those of the environment and file, their shown names, and `none`. */
function requireFreeName(deps: ConnectionChangeDeps, name: string): void {
  if (!new RegExp(connectionNamePattern).test(name)) throw invalid('name', "uses a-z, 0-9, '-' and '_' (at most 64, starting with a letter or digit)");
  if (name === noConnectionName) throw invalid('name', `'${noConnectionName}' is reserved for sites without ITSM`);
  const shownNames = Object.entries(deps.adapters.bootstrap).flatMap(([key, config]) => [key, config.name ?? config.vendor]);
  if (name === defaultConnectionName || shownNames.includes(name)) throw new ConflictError('itsm_connection_configured', `body/name '${name}' is a connection of the environment or WALKUP_ITSM_CONNECTIONS_FILE; pick another name`);
}

/**
 * Commits the change with an audit entry and, for each site using the connection, a
 * `site.config_changed` event, then hands the ITSM worker the new adapters (other instances reload
 * when they see the event).
 */
async function commitConnectionChange(deps: ConnectionChangeDeps, request: FastifyRequest, change: { action: string; name: string; detail: Record<string, unknown> | null }, work: (trx: Db, at: string) => Promise<void>): Promise<void> {
  const actor = actorOf(request);
  await commitChange(deps, async (trx, append: AppendEvent, at) => {
    await work(trx, at);
    for (const siteId of await stored.sitesUsingConnection(trx, change.name, defaultConnectionName)) {
      const lists = await liveLists(withSiteConfigTables(trx), siteId);
      await append({ siteId, type: 'site.config_changed', visitId: null, data: { change: `itsm_connection.${change.action}`, target: change.name, by: actor.label, ...lists } });
    }
    await recordAudit(trx, { at, actor: actor.label, action: `config.itsm_connection.${change.action}`, target: change.name, ip: actor.ip, detail: change.detail });
  });
  await deps.adapters.reload();
  deps.delivery.refresh();
}

export async function createStoredConnection(deps: ConnectionChangeDeps, request: FastifyRequest, name: string, body: ConnectionFields): Promise<void> {
  requireFreeName(deps, name);
  const values = prepare(body, {}, deps.secretBox);
  if (await stored.findStoredConnection(deps.db, name)) throw new ConflictError('itsm_connection_exists', `body/name: a connection '${name}' exists already`);
  const { audit, ...row } = values;
  await commitConnectionChange(deps, request, { action: 'created', name, detail: audit }, (trx, at) => stored.insertStoredConnection(trx, { name, ...row, created_at: at, updated_at: at }));
}

export async function changeStoredConnection(deps: ConnectionChangeDeps, request: FastifyRequest, name: string, body: ConnectionFields): Promise<void> {
  const current = await requireStored(deps, name);
  const kept = current.vendor === body.vendor ? stored.storedSecrets(current, deps.secretBox) : {};
  const { audit, ...row } = prepare(body, kept, deps.secretBox);
  await commitConnectionChange(deps, request, { action: 'changed', name, detail: audit }, (trx, at) => stored.updateStoredConnection(trx, name, { ...row, updated_at: at }));
}

export async function deleteStoredConnection(deps: ConnectionChangeDeps, request: FastifyRequest, name: string): Promise<void> {
  await requireStored(deps, name);
  const sites = await stored.sitesUsingConnection(deps.db, name, defaultConnectionName);
  if (sites.length > 0) throw new ConflictError('itsm_connection_in_use', `sites ${sites.join(', ')} use the connection '${name}': give them another one first`);
  await commitConnectionChange(deps, request, { action: 'deleted', name, detail: null }, (trx) => stored.deleteStoredConnection(trx, name));
}

async function requireStored(deps: ConnectionChangeDeps, name: string) {
  const row = await stored.findStoredConnection(deps.db, name);
  if (row) return row;
  if (Object.hasOwn(deps.adapters.bootstrap, name)) throw new ConflictError('itsm_connection_configured', `'${name}' comes from the environment or WALKUP_ITSM_CONNECTIONS_FILE: change it there`);
  throw new NotFoundError('itsm_connection', name);
}

/** Points a site at a connection (`default`, `none`, a configured or a stored one). */
export async function chooseSiteConnection(deps: ConnectionChangeDeps, request: FastifyRequest, siteId: string, connection: string): Promise<void> {
  const known = connection === noConnectionName || connection === defaultConnectionName || Object.hasOwn(deps.adapters.bootstrap, connection) || (await stored.findStoredConnection(deps.db, connection));
  if (!known) throw invalid('connection', `'${connection}' is not a configured ITSM connection`);
  const actor = actorOf(request);
  await commitChange(deps, async (trx, append, at) => {
    const updated = await withSiteConfigTables(trx).updateTable('sites').set({ itsm_connection: connection === defaultConnectionName ? null : connection }).where('id', '=', siteId).executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new NotFoundError('site', siteId);
    const lists = await liveLists(withSiteConfigTables(trx), siteId);
    await append({ siteId, type: 'site.config_changed', visitId: null, data: { change: 'itsm_connection.chosen', target: connection, by: actor.label, ...lists } });
    await recordAudit(trx, { at, actor: actor.label, action: 'config.itsm_connection.chosen', target: siteId, ip: actor.ip, detail: { connection } });
  });
  deps.setups.invalidate(siteId);
  await deps.adapters.reload();
  deps.delivery.refresh();
}
