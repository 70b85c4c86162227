export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  /** Returns a number in [0, 1); injectable so tests are deterministic. */
  random?: () => number;
}

/**
 * Exponential backoff with "full jitter": a random delay up to the exponential bound. When the
 * server restarts, every kiosk, display and console in the building reconnects at once; spreading
 * them out keeps the fresh server from being hit by a synchronized wave.
 */
export function reconnectDelayMs(attempt: number, { baseMs = 500, capMs = 15_000, random = Math.random }: BackoffOptions = {}): number {
  const bound = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  // Never zero: a server that closes right after accepting would otherwise be hammered.
  return Math.max(baseMs / 2, Math.round(bound * random()));
}
