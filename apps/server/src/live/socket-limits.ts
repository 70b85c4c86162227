import type { LiveSocket } from './hub.ts';

/**
 * What one websocket may cost the server. A screen sends one `subscribe` when it connects (again
 * only when it notices a gap) and a `ping` every 20 s; anything far beyond that is a bug or an
 * attack, and each message costs the event loop a parse and a reply (a subscribe: database reads and
 * a snapshot of the site).
 */
export const socketLimits = {
  /** Messages of any kind: a burst of 20, then 2 a second. */
  messages: { capacity: 20, refillPerSecond: 2 },
  /** Subscribes (each answered with a snapshot or a replay): a burst of 5, then one every 10 s. */
  subscribes: { capacity: 5, refillPerSecond: 0.1 },
  /** Unsent bytes queued for a client that is not reading; beyond this it is dropped and resynchronises. */
  maxBufferedBytes: 1_000_000,
} as const;

/** RFC 6455 1008 "policy violation": the client broke a rule; reconnecting politely is allowed. */
export const policyViolationCode = 1008;
/** The socket's send queue is full: the client is too slow (or not reading); it should reconnect. */
export const tooSlowCode = 4008;

/** A token bucket: `take()` says whether one more action fits the budget now. */
export function createTokenBucket(limit: { capacity: number; refillPerSecond: number }, clockMs: () => number = () => performance.now()) {
  let tokens: number = limit.capacity;
  let updatedAt = clockMs();
  return {
    take(): boolean {
      const now = clockMs();
      tokens = Math.min(limit.capacity, tokens + ((now - updatedAt) / 1000) * limit.refillPerSecond);
      updatedAt = now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

/**
 * Sends unless the client already has more than the limit waiting unsent: then it is closed instead
 * of queueing megabytes in the server's memory. Returns whether the text was sent.
 */
export function sendBounded(socket: LiveSocket, text: string): boolean {
  if (socket.bufferedAmount > socketLimits.maxBufferedBytes) {
    socket.close(tooSlowCode, 'too slow: reconnect to resynchronise');
    return false;
  }
  socket.send(text);
  return true;
}
