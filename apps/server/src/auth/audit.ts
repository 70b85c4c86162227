import type { Db } from '../db/connection.ts';
import { withAuthTables, type AuthAuditLogTable } from './auth-schema.ts';

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  target?: string | null;
  outcome?: AuthAuditLogTable['outcome'];
  ip?: string | null;
  /** Never secrets, never visitors' personal data: this log is kept longer than visits. */
  detail?: Record<string, unknown> | null;
}

export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await withAuthTables(db)
    .insertInto('auth_audit_log')
    .values({
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      target: entry.target ?? null,
      outcome: entry.outcome ?? 'ok',
      ip: entry.ip ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .execute();
}

export async function listAudit(db: Db, options: { before?: number; limit: number }) {
  let query = withAuthTables(db).selectFrom('auth_audit_log').selectAll().orderBy('id', 'desc').limit(options.limit);
  if (options.before !== undefined) query = query.where('id', '<', options.before);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null }));
}
