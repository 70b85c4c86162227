import type { FastifyReply } from 'fastify';
import { DomainError } from '@walkup/domain';

/**
 * Slows down a caller who keeps asking about things that do not exist (unknown badges, employee ids):
 * a person who mistypes gets a few free tries, then each further miss doubles the wait before the next
 * lookup. Sequential badge numbers then take hours to walk instead of seconds. Kept in memory: a
 * restart forgives everyone, which costs an attacker a restart they cannot cause.
 */
export interface MissLimiter {
  /** Whole seconds the caller must wait before the next lookup; 0 when they may go ahead. */
  secondsToWait(caller: string): number;
  recordMiss(caller: string): void;
}

export interface MissLimiterOptions {
  now: () => Date;
  freeMisses?: number;
  windowMs?: number;
  firstDelayMs?: number;
  maxDelayMs?: number;
}

export function createMissLimiter(options: MissLimiterOptions): MissLimiter {
  const { now, freeMisses = 5, windowMs = 10 * 60_000, firstDelayMs = 2_000, maxDelayMs = 5 * 60_000 } = options;
  const missesOf = new Map<string, number[]>();

  function recentMisses(caller: string, at: number): number[] {
    const recent = (missesOf.get(caller) ?? []).filter((missAt) => at - missAt < windowMs);
    if (recent.length === 0) missesOf.delete(caller);
    else missesOf.set(caller, recent);
    return recent;
  }

  return {
    secondsToWait(caller) {
      const at = now().getTime();
      const recent = recentMisses(caller, at);
      if (recent.length < freeMisses) return 0;
      const delay = Math.min(firstDelayMs * 2 ** (recent.length - freeMisses), maxDelayMs);
      const waitMs = recent.at(-1)! + delay - at;
      return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
    },
    recordMiss(caller) {
      const at = now().getTime();
      missesOf.set(caller, [...recentMisses(caller, at), at]);
    },
  };
}

/**
 * A lookup behind the limiter: 429 with `retry-after` while the caller must wait, otherwise the lookup,
 * whose "not found" counts as a miss.
 */
export async function lookUpWithMissLimit<T>(
  limiter: MissLimiter,
  caller: string,
  reply: FastifyReply,
  refusal: { code: string; message: (seconds: number) => string },
  lookUp: () => Promise<T>,
): Promise<T | FastifyReply> {
  const wait = limiter.secondsToWait(caller);
  if (wait > 0) {
    return reply.status(429).header('retry-after', String(wait)).send({ statusCode: 429, error: 'Too Many Requests', code: refusal.code, message: refusal.message(wait) });
  }
  try {
    return await lookUp();
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not_found') limiter.recordMiss(caller);
    throw error;
  }
}
