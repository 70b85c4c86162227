import { ApiRequestError, unreachableCode } from '@walkup/client';
import type { VisitorMessage } from './messages.ts';

/** Why a page could not load: the server's error code (what the page reacts to) and its own words. */
export interface LoadProblem {
  code: string;
  message: string;
}

/** Any failure as a problem: the server's answer keeps its code; a fetch that never got one is "unreachable". */
export function problemOf(error: unknown): LoadProblem {
  if (error instanceof ApiRequestError) return { code: error.code, message: error.message };
  // fetch rejects with a TypeError when the network or the server is down.
  if (error instanceof TypeError) return { code: unreachableCode, message: error.message };
  return { code: 'unexpected', message: error instanceof Error ? error.message : String(error) };
}

/** What the visitor reads for a problem: a heading that names it and what to do instead. */
export interface ProblemWords {
  title: VisitorMessage;
  advice: VisitorMessage;
}

/**
 * The problems a visitor can meet on these pages, each with its own heading; codes not listed here fall
 * back to the generic heading with the server's message. Several not-found codes read the same to a
 * visitor: a link that leads nowhere.
 */
const problemWords: Record<string, ProblemWords> = {
  remote_check_in_off: { title: 'remoteOffTitle', advice: 'remoteOffAdvice' },
  appointments_off: { title: 'bookingOffTitle', advice: 'bookingOffAdvice' },
  site_not_found: { title: 'siteUnknownTitle', advice: 'siteUnknownAdvice' },
  link_expired: { title: 'linkExpiredTitle', advice: 'linkExpiredAdvice' },
  link_used: { title: 'linkUsedTitle', advice: 'linkUsedAdvice' },
  booking_request_not_found: { title: 'linkInvalidTitle', advice: 'linkInvalidAdvice' },
  check_in_request_not_found: { title: 'linkInvalidTitle', advice: 'linkInvalidAdvice' },
  appointment_not_found: { title: 'linkInvalidTitle', advice: 'linkInvalidAdvice' },
  visitor_link_unknown: { title: 'linkInvalidTitle', advice: 'unknownLink' },
  visitor_link_revoked: { title: 'linkReplacedTitle', advice: 'revokedLink' },
  no_token: { title: 'noTicketTitle', advice: 'noToken' },
  visit_ended: { title: 'endedUnknown', advice: 'visitEndedAdvice' },
  [unreachableCode]: { title: 'unreachableTitle', advice: 'unreachableAdvice' },
};

/** The words for a known problem, or null: the page then shows the generic heading and the server's message. */
export function problemWordsOf(code: string): ProblemWords | null {
  return problemWords[code] ?? null;
}
