import { ConflictError } from './errors.ts';
import { nextVisitState, type VisitState } from './visit-state.ts';

export const defaultRejoinGraceMinutes = 10;

export interface RejoinRequest {
  state: VisitState;
  /** When the visit was marked a no-show. */
  endedAt: string | null;
  /** The site's grace window; 0 turns rejoining off. */
  graceMinutes: number;
  nowMs: number;
}

/** Until when a no-show may still rejoin, or null when the site does not allow it or it is not a no-show. */
export function rejoinOpenUntil(request: Omit<RejoinRequest, 'nowMs'>): string | null {
  if (request.state !== 'no_show' || request.graceMinutes <= 0 || !request.endedAt) return null;
  return new Date(Date.parse(request.endedAt) + request.graceMinutes * 60_000).toISOString();
}

/**
 * "I'm here now": a visitor who missed their call comes back within the site's grace window and is
 * waiting again. They keep their original check-in time, and the call order (priority, then
 * check-in time) puts them ahead of everyone who came after them: they were already at the front
 * when called. Returns the state to go to, or throws a ConflictError that says why not.
 */
export function checkRejoin(request: RejoinRequest): VisitState {
  if (request.state === 'no_show' && request.graceMinutes <= 0) {
    throw new ConflictError('rejoin_off', 'this site does not let a missed call rejoin the line; check in again at the kiosk');
  }
  const to = nextVisitState('rejoin', request.state);
  const until = rejoinOpenUntil(request);
  if (!until || Date.parse(until) <= request.nowMs) {
    throw new ConflictError('rejoin_expired', `the ${request.graceMinutes} minutes to rejoin after a missed call are over; check in again at the kiosk`);
  }
  return to;
}
