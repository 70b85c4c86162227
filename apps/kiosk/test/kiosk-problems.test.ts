import { describe, expect, it } from 'vitest';
import { ApiRequestError, unreachableCode } from '@walkup/client';
import { problemOf, ticketOfDuplicate } from '../src/kiosk-problems.ts';

const apiError = (statusCode: number, code: string, message = '') => new ApiRequestError({ statusCode, code, message });

describe('kiosk problems', () => {
  it('finds the ticket of a duplicate check-in in the server message', () => {
    expect(ticketOfDuplicate(apiError(409, 'already_checked_in', 'this person is already in the queue with ticket H-004'))).toBe('H-004');
    expect(ticketOfDuplicate(apiError(409, 'site_closed', 'HQ is closed now'))).toBeNull();
  });

  it('turns every failure into something a visitor can act on', () => {
    expect(problemOf(apiError(0, unreachableCode))).toEqual({ key: 'unreachable' });
    expect(problemOf(apiError(404, 'person_not_found'))).toEqual({ key: 'notFound' });
    expect(problemOf(apiError(404, 'no_visit_to_rate'))).toEqual({ key: 'nothingToRate' });
    expect(problemOf(apiError(404, 'category_not_found'))).toEqual({ key: 'choiceGone' });
    expect(problemOf(apiError(409, 'site_closed'))).toEqual({ key: 'closedNow' });
    expect(problemOf(apiError(429, 'too_many_unknown_identifiers', 'try again in 16 s, or continue as a guest'))).toEqual({ key: 'tooManyTries', params: { seconds: 16 } });
    expect(problemOf(apiError(500, 'internal'))).toEqual({ key: 'serverError' });
    expect(problemOf(new TypeError('Failed to fetch'))).toEqual({ key: 'serverError' });
  });
});
