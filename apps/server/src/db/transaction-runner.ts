import type { Db } from './connection.ts';

/** What use cases commit through (UseCaseDeps.commits): SQLite's group committer or one PostgreSQL transaction per change. */
export interface CommitRunner {
  /** Runs `work` in a transaction; resolves once it is committed (durable), rejects if it rolled back. */
  run<T>(work: (trx: Db) => Promise<T>): Promise<T>;
}

/** PostgreSQL's codes for "try again": a deadlock victim, a serialization failure. */
const retryableCodes = new Set(['40P01', '40001']);
const maxAttempts = 5;

function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && retryableCodes.has((error as { code?: string }).code ?? '');
}

/**
 * One transaction per change, on a pooled connection: PostgreSQL commits concurrent transactions
 * itself, fsyncs included, so the SQLite group committer has nothing to add here. Changes take row
 * locks in different orders (a ticket counter, then the site's event counter), so PostgreSQL may pick
 * one as a deadlock victim; that change is database work only (its caller hears nothing before the
 * commit) and simply runs again.
 */
export function createTransactionRunner(db: Db): CommitRunner {
  return {
    async run<T>(work: (trx: Db) => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.transaction().execute(work);
        } catch (error) {
          if (attempt >= maxAttempts || !isRetryable(error)) throw error;
        }
      }
    },
  };
}
