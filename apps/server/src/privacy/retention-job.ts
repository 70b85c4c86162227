import type { Db } from '../db/connection.ts';
import { deleteExpiredSessions } from '../auth/session-store.ts';
import { withAuthTables } from '../auth/auth-schema.ts';
import { anonymiseExpiredVisits } from './anonymise.ts';

/** Audit entries are kept a year: long enough for an investigation, short enough to hold little. */
export const auditRetentionDays = 365;

/** One pass of housekeeping: anonymise expired visits, drop expired sessions and old audit entries. */
export async function runRetention(deps: { db: Db; now: () => Date; defaultRetentionDays: number }): Promise<{ anonymisedVisits: number }> {
  const now = deps.now();
  const anonymisedVisits = await anonymiseExpiredVisits(deps.db, deps.defaultRetentionDays, now);
  await deleteExpiredSessions(deps.db, now);
  const auditCutoff = new Date(now.getTime() - auditRetentionDays * 86_400_000).toISOString();
  await withAuthTables(deps.db).deleteFrom('auth_audit_log').where('at', '<', auditCutoff).execute();
  await withAuthTables(deps.db).deleteFrom('auth_pairing_codes').where('expires_at', '<', now.toISOString()).execute();
  return { anonymisedVisits };
}
