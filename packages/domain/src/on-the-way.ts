import { ConflictError } from './errors.ts';
import type { VisitState } from './visit-state.ts';

/** A visitor who checked in from a link or a poster is "on the way" until they say "I'm here" or reach the kiosk. */
export interface ArrivalState {
  onTheWay?: boolean;
}

/** What a site decides about visitors on the way. */
export interface OnTheWayRules {
  /** When true (the default), call-next steps over visitors on the way; they keep their place. */
  callOnlyArrived: boolean;
}

export const defaultOnTheWayRules: OnTheWayRules = { callOnlyArrived: true };

/** Whether the site's rules let call-next pick this visitor before they arrived. */
export function isPresentForCalling(visit: ArrivalState, rules: OnTheWayRules = defaultOnTheWayRules): boolean {
  return !(visit.onTheWay && rules.callOnlyArrived);
}

/**
 * "I'm here": only a visitor still on the way, in line or already called (a site that calls people
 * wherever they are), can arrive; a second tap says so instead of appending a second arrival.
 */
export function requireOnTheWay(visit: ArrivalState & { state: VisitState; ticketNumber: string }): void {
  if (visit.state !== 'waiting' && visit.state !== 'called') {
    throw new ConflictError('not_waiting', `ticket ${visit.ticketNumber} is ${visit.state.replace('_', ' ')}; there is no arrival to record`);
  }
  if (!visit.onTheWay) throw new ConflictError('already_arrived', `ticket ${visit.ticketNumber} has already arrived`);
}

/** Minutes a site gives visitors on the way to walk over, unless it sets its own. */
export const defaultWalkMinutes = 10;

/** What "time to come over" is decided from: the visitor's place and estimate, and the site's two thresholds. */
export interface ComeOverFacts {
  /** 1 = next in line; null when the visitor is not waiting in line. */
  position: number | null;
  /** The expected wait until their call, or null when no estimate can be made (nobody serves the queue). */
  expectedWaitSeconds: number | null;
  /** The site's "almost up" place: everyone at or before it is told their turn is near. */
  notifyAtPosition: number;
  /** The site's walking time for visitors on the way. */
  walkMinutes: number;
}

/**
 * A visitor on the way must be told early enough to walk over: as soon as their expected wait is
 * within the walking time, or they reach the "almost up" place, whichever comes first. The expected
 * wait (not its low end) is used: that is the figure their page shows, so the message matches it.
 */
export function isTimeToComeOver(facts: ComeOverFacts): boolean {
  if (facts.position === null) return false;
  if (facts.position <= facts.notifyAtPosition) return true;
  return facts.expectedWaitSeconds !== null && facts.expectedWaitSeconds <= facts.walkMinutes * 60;
}
