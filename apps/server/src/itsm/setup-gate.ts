import type { ItsmAdapter, MappedVendorFields, SetupCheck } from '@walkup/itsm';
import type { Db } from '../db/connection.ts';
import { withSiteConfigTables } from '../site-config/site-config-schema.ts';
import { ConnectionPausedError } from './connection-policy.ts';

export interface SetupState {
  ok: boolean;
  checkedAt: string;
  checks: SetupCheck[];
}

/**
 * Raised instead of a create while a connection's set-up check fails. It is a pause, not a failure:
 * the delivery waits (no attempt counted, nothing dead-lettered) and goes out after the next
 * successful check, and nothing was sent, so no retry can duplicate a ticket.
 */
export class SetupBlockedError extends ConnectionPausedError {
  constructor(untilMs: number, failures: SetupCheck[]) {
    super(untilMs);
    this.message = `ITSM set-up check failed, tickets wait: ${failures.map((f) => f.message).join(' ')}`;
    this.name = 'SetupBlockedError';
  }
}

/** The per-category vendor fields of the given sites' categories in use, for the checks to cover. */
export async function readMappedVendorFields(db: Db, siteIds: string[]): Promise<MappedVendorFields> {
  if (siteIds.length === 0) return {};
  const rows = await withSiteConfigTables(db)
    .selectFrom('categories')
    .select('itsm_vendor_fields')
    .where('site_id', 'in', siteIds)
    .where('archived_at', 'is', null)
    .where('itsm_vendor_fields', 'is not', null)
    .execute();
  const rtQueues = new Set<string>();
  const jsmRequestTypes = new Set<string>();
  const glpiCategories = new Set<string>();
  for (const row of rows) {
    try {
      const fields = JSON.parse(row.itsm_vendor_fields!) as Record<string, unknown>;
      if (typeof fields.rtQueue === 'string') rtQueues.add(fields.rtQueue);
      if (typeof fields.jsmRequestType === 'string') jsmRequestTypes.add(fields.jsmRequestType);
      if (typeof fields.glpiCategory === 'string') glpiCategories.add(fields.glpiCategory);
    } catch {
      // A malformed value was never accepted by the admin routes; ignore rather than block every site.
    }
  }
  return { rtQueues: [...rtQueues], jsmRequestTypes: [...jsmRequestTypes], glpiCategories: [...glpiCategories] };
}

export interface SetupGateOptions {
  db: Db;
  now: () => Date;
  /** Sites whose tickets go through the adapter, for the categories the check must cover. */
  sitesOf: (adapter: ItsmAdapter) => Promise<string[]>;
  /** How long a failed check stands before a delivery triggers it again (default one minute). */
  recheckMs?: number;
}

/** Runs each connection's set-up check (at start, on demand, and again after a failure) and holds creates while it fails. */
export function createSetupGate(options: SetupGateOptions) {
  const recheckMs = options.recheckMs ?? 60_000;
  const states = new Map<ItsmAdapter, SetupState>();
  const running = new Map<ItsmAdapter, Promise<SetupState>>();

  async function runChecks(adapter: ItsmAdapter): Promise<SetupState> {
    let checks: SetupCheck[];
    try {
      // Adapters from before the method (test fakes, third-party ones) have nothing to check.
      if (typeof adapter.checkSetup !== 'function') return remember(adapter, []);
      checks = await adapter.checkSetup(await readMappedVendorFields(options.db, await options.sitesOf(adapter)));
    } catch (error) {
      checks = [{ check: 'set-up check', ok: false, message: `The check itself failed: ${(error as Error).message}` }];
    }
    return remember(adapter, checks);
  }

  function remember(adapter: ItsmAdapter, checks: SetupCheck[]): SetupState {
    const state = { ok: checks.every((c) => c.ok), checkedAt: options.now().toISOString(), checks };
    states.set(adapter, state);
    return state;
  }

  /** One check at a time per connection: a burst of deliveries waits for the same answer. */
  function check(adapter: ItsmAdapter): Promise<SetupState> {
    let pending = running.get(adapter);
    if (!pending) {
      pending = runChecks(adapter).finally(() => running.delete(adapter));
      running.set(adapter, pending);
    }
    return pending;
  }

  return {
    check,
    stateOf: (adapter: ItsmAdapter): SetupState | null => states.get(adapter) ?? null,
    /** Drops the last result: the next create checks again. */
    forget: (adapter: ItsmAdapter) => void states.delete(adapter),
    /** Resolves when creates may go out through the adapter; throws SetupBlockedError while its check fails. */
    async requireReady(adapter: ItsmAdapter): Promise<void> {
      if (!adapter.createsTickets) return;
      const nowMs = options.now().getTime();
      let state = states.get(adapter);
      if (!state || (!state.ok && Date.parse(state.checkedAt) + recheckMs <= nowMs)) state = await check(adapter);
      if (!state.ok) throw new SetupBlockedError(Date.parse(state.checkedAt) + recheckMs, state.checks.filter((c) => !c.ok));
    },
  };
}

export type SetupGate = ReturnType<typeof createSetupGate>;
