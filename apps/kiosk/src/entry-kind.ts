export type EntryKind = 'badge' | 'email' | 'employee_id';

/**
 * A keyboard-wedge badge reader "types" a whole id in a few milliseconds per key; a person takes
 * well over 50 ms. Timing is the only reliable tell: badge ids and employee ids can look alike.
 */
const scannerKeyIntervalMs = 35;

export function classifyEntry(value: string, keyIntervalsMs: readonly number[]): EntryKind {
  if (value.includes('@')) return 'email';
  if (keyIntervalsMs.length >= 2) {
    const average = keyIntervalsMs.reduce((sum, ms) => sum + ms, 0) / keyIntervalsMs.length;
    if (average < scannerKeyIntervalMs) return 'badge';
  }
  return 'employee_id';
}
