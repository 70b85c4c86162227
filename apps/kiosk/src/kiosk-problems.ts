import { ApiRequestError, unreachableCode, type TranslationParams } from '@walkup/client';
import type { KioskMessage } from './messages.ts';

/** A translated problem shown on the current screen: always something the visitor can act on. */
export interface KioskProblem {
  key: KioskMessage;
  params?: TranslationParams;
}

/** The server words a duplicate check-in as "... already in the queue with ticket H-004". */
export function ticketOfDuplicate(error: unknown): string | null {
  if (!(error instanceof ApiRequestError) || error.code !== 'already_checked_in') return null;
  return /ticket ([A-Za-z0-9-]+)/.exec(error.message)?.[1] ?? null;
}

function secondsOf(message: string): number | null {
  const seconds = /(\d+) s\b/.exec(message)?.[1];
  return seconds ? Number(seconds) : null;
}

/** What to tell a visitor about a failed request (a 401 is handled apart: the kiosk re-pairs). */
export function problemOf(error: unknown): KioskProblem {
  if (!(error instanceof ApiRequestError)) return { key: 'serverError' };
  if (error.code === unreachableCode) return { key: 'unreachable' };
  switch (error.statusCode) {
    case 400:
      return { key: 'invalidEntry' };
    case 404:
      return { key: error.code === 'person_not_found' ? 'notFound' : error.code === 'no_visit_to_rate' ? 'nothingToRate' : 'choiceGone' };
    case 409:
      return { key: error.code === 'site_closed' ? 'closedNow' : 'serverError' };
    case 429:
      return { key: 'tooManyTries', params: { seconds: secondsOf(error.message) ?? 60 } };
    default:
      return { key: 'serverError' };
  }
}
