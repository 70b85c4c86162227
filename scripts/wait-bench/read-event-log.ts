import { readFileSync } from 'node:fs';
import type { CallPolicy, SiteEvent } from '@walkup/domain';
import { anonymousBankCallPolicy, importAnonymousBank } from './import-anonymous-bank.ts';

export type InputFormat = 'anonymous-bank' | 'events';

/** Loads a log as walkup events in time order (JSON lines of SiteEvent, or the bank's TSV). */
export function readEventLog(path: string, format: InputFormat): SiteEvent[] {
  const text = readFileSync(path, 'utf8');
  if (format === 'anonymous-bank') return importAnonymousBank(text);
  const events = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SiteEvent);
  // Sequence numbers are the log's order; time order is what a replay needs, and they agree in a valid log.
  return events.sort((a, b) => a.seq - b.seq);
}

/** How the log's site orders its queues: the bank's head start, or walkup's strict priority. */
export function callPolicyOf(format: InputFormat): CallPolicy | undefined {
  return format === 'anonymous-bank' ? anonymousBankCallPolicy : undefined;
}
