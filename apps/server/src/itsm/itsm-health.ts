import type { ItsmAdapter } from '@walkup/itsm';
import type { ItsmConnectionHealth, ItsmDeadLetter } from '@walkup/protocol';
import type { Db } from '../db/connection.ts';
import type { ConnectionPolicy } from './connection-policy.ts';
import { withItsmTables } from './itsm-schema.ts';
import { deliveredEventTypes } from './ticket-builder.ts';
import type { SetupState } from './setup-gate.ts';

/** The shapes the health routes answer with are the protocol's, shared with the console. */
export type ConnectionHealth = ItsmConnectionHealth;
export type DeadLetter = ItsmDeadLetter;

const lastWrite = new WeakMap<ConnectionPolicy, number>();

/**
 * Keeps the last success/failure per connection in the database so the health view survives
 * restarts. Successes are written at most every 5 s (a busy connection must not double its writes), the first one after a failure always.
 */
export async function recordConnectionOutcome(db: Db, connection: ConnectionPolicy, error: string | null, at: Date): Promise<void> {
  const iso = at.toISOString();
  if (!error && at.getTime() - (lastWrite.get(connection) ?? 0) < 5_000) return;
  // A failure ends the throttle: the first success after it is news (the connection is back).
  if (error) lastWrite.delete(connection);
  else lastWrite.set(connection, at.getTime());
  const values = error ? { last_failure_at: iso, last_error: error } : { last_success_at: iso };
  await withItsmTables(db)
    .insertInto('itsm_connection_status')
    .values({ name: connection.name, vendor: connection.vendor, last_success_at: null, last_failure_at: null, last_error: null, ...values })
    .onConflict((oc) => oc.column('name').doUpdateSet({ vendor: connection.vendor, ...values }))
    .execute();
}

/**
 * Per site, when the oldest change the ITSM has not heard about was made: the time of its event in
 * the log, which retries never touch (a row's `updated_at` moves with every attempt).
 */
async function readOldestUndelivered(db: Db): Promise<Array<{ site_id: string; oldest: string | null }>> {
  return withItsmTables(db)
    .selectFrom('itsm_deliveries as d')
    .innerJoin('events as e', 'e.visit_id', 'd.visit_id')
    .select((eb) => ['d.site_id', eb.fn.min<string>('e.at').as('oldest')])
    .where('d.state', 'in', ['pending', 'retrying'])
    .whereRef('e.id', '>', 'd.delivered_event_id')
    .whereRef('e.id', '<=', 'd.target_event_id')
    .where('e.type', 'in', [...deliveredEventTypes])
    .groupBy('d.site_id')
    .execute();
}

/** What the health view shows of the last set-up check: a failing line blocks creates for the connection. */
function setupSummary(state: SetupState | null): ConnectionHealth['setup'] {
  if (!state) return { state: 'unchecked', checkedAt: null, failures: [] };
  return { state: state.ok ? 'ok' : 'failing', checkedAt: state.checkedAt, failures: state.checks.filter((c) => !c.ok).map((c) => c.message) };
}

export async function readItsmHealth(
  db: Db,
  adapterFor: (siteId: string) => ItsmAdapter,
  policyOf: (adapter: ItsmAdapter) => ConnectionPolicy | undefined,
  setupOf: (adapter: ItsmAdapter) => SetupState | null = () => null,
): Promise<ConnectionHealth[]> {
  const itsm = withItsmTables(db);
  const sites = await db.selectFrom('sites').select('id').orderBy('id').execute();
  const counts = await itsm
    .selectFrom('itsm_deliveries')
    .select((eb) => [
      'site_id',
      eb.fn.countAll<number>().filterWhere('state', 'in', ['pending', 'retrying']).as('backlog'),
      eb.fn.countAll<number>().filterWhere('state', '=', 'failed').as('dead'),
    ])
    .groupBy('site_id')
    .execute();
  const oldestPending = await readOldestUndelivered(db);
  const statuses = await itsm.selectFrom('itsm_connection_status').selectAll().execute();
  // Keyed by adapter, not by name: each connection has its own adapter (and breaker), shared by its sites.
  const byConnection = new Map<ItsmAdapter, ConnectionHealth>();
  for (const { id } of sites) {
    const adapter = adapterFor(id);
    if (!adapter.createsTickets) continue;
    const name = adapter.connectionName ?? adapter.vendor;
    const status = statuses.find((s) => s.name === name);
    const health = byConnection.get(adapter) ?? {
      name,
      vendor: adapter.vendor,
      sites: [],
      breaker: policyOf(adapter)?.breakerState() ?? 'closed',
      lastSuccessAt: status?.last_success_at ?? null,
      lastFailureAt: status?.last_failure_at ?? null,
      lastError: status?.last_error ?? null,
      backlog: 0,
      deadLetters: 0,
      oldestPendingSince: null,
      setup: setupSummary(setupOf(adapter)),
    };
    const count = counts.find((c) => c.site_id === id);
    health.sites.push(id);
    health.backlog += Number(count?.backlog ?? 0);
    health.deadLetters += Number(count?.dead ?? 0);
    const oldest = oldestPending.find((o) => o.site_id === id)?.oldest ?? null;
    if (oldest && (!health.oldestPendingSince || oldest < health.oldestPendingSince)) health.oldestPendingSince = oldest;
    byConnection.set(adapter, health);
  }
  return [...byConnection.values()];
}

/** Dead letters of one site, or of the sites a caller may see (`'all'` for admins). */
export async function listDeadLetters(db: Db, siteId: string | undefined, visibleSites: readonly string[] | 'all' = 'all'): Promise<DeadLetter[]> {
  let query = withItsmTables(db)
    .selectFrom('itsm_deliveries as d')
    .innerJoin('visits as v', 'v.id', 'd.visit_id')
    .select(['d.visit_id', 'd.site_id', 'v.ticket_number', 'v.itsm_ticket_number', 'v.itsm_ticket_url', 'd.last_error', 'd.attempts', 'd.updated_at'])
    .where('d.state', '=', 'failed')
    .orderBy('d.updated_at', 'desc')
    .limit(500);
  if (siteId) query = query.where('d.site_id', '=', siteId);
  if (visibleSites !== 'all') query = query.where('d.site_id', 'in', visibleSites.length ? [...visibleSites] : ['\u0000none']);
  const rows = await query.execute();
  return rows.map((r) => ({
    visitId: r.visit_id,
    siteId: r.site_id,
    ticketNumber: r.ticket_number,
    itsmTicketNumber: r.itsm_ticket_number,
    itsmTicketUrl: r.itsm_ticket_url,
    error: r.last_error,
    attempts: r.attempts,
    failedAt: r.updated_at,
  }));
}
