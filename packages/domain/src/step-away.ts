import { ConflictError, InvalidInputError } from './errors.ts';
import type { VisitState } from './visit-state.ts';

/** Each tap on "I need more time" asks for this many minutes. */
export const stepAwayMinutes = 10;

export interface StepAwayRequest {
  state: VisitState;
  /** Minutes already granted to this visit. */
  grantedMinutes: number;
  /** Until when the visitor is already away, if they are. */
  awayUntil: string | null;
  /** The site's cap on extra time per visit. */
  limitMinutes: number;
  minutes: number;
  nowMs: number;
}

/**
 * "I need 10 more minutes": keeps the place and moves the visitor's return later, from whichever is
 * later of now and the time already granted, up to the site's limit per visit. Only a waiting
 * visitor may step away; one already called must go to the desk (or will be a no-show).
 */
export function grantStepAway(request: StepAwayRequest): { awayUntil: string; grantedMinutes: number } {
  if (request.state !== 'waiting') {
    throw new ConflictError('not_waiting', `only a waiting visitor can ask for more time; this ticket is ${request.state.replace('_', ' ')}`);
  }
  if (!Number.isInteger(request.minutes) || request.minutes <= 0) throw new InvalidInputError('bad_minutes', 'minutes must be a positive whole number');
  const left = request.limitMinutes - request.grantedMinutes;
  if (left <= 0 || request.minutes > left) {
    throw new ConflictError(
      'step_away_limit',
      left <= 0
        ? `this site allows ${request.limitMinutes} minutes of extra time per visit, all used already`
        : `this site allows ${request.limitMinutes} minutes of extra time per visit; ${left} left`,
    );
  }
  const from = Math.max(request.nowMs, request.awayUntil ? Date.parse(request.awayUntil) : 0);
  return { awayUntil: new Date(from + request.minutes * 60_000).toISOString(), grantedMinutes: request.grantedMinutes + request.minutes };
}
