import { ApiRequestError, unreachableCode } from '@walkup/client';
import { describe, expect, it } from 'vitest';
import { createVisitorI18n } from '../src/messages.ts';
import { problemOf, problemWordsOf } from '../src/visitor-problems.ts';

describe('visitor page problems', () => {
  it('keeps the server’s code, and calls a fetch that never got an answer unreachable', () => {
    const off = new ApiRequestError({ statusCode: 409, code: 'remote_check_in_off', message: 'HQ takes check-ins at its kiosk only' });
    expect(problemOf(off)).toEqual({ code: 'remote_check_in_off', message: 'HQ takes check-ins at its kiosk only' });
    expect(problemOf(new TypeError('Failed to fetch')).code).toBe(unreachableCode);
    expect(problemOf('odd').code).toBe('unexpected');
  });

  it('gives each problem a visitor can meet its own heading, in English and French, and none to unknown codes', () => {
    const codes = ['remote_check_in_off', 'appointments_off', 'site_not_found', 'link_expired', 'link_used', 'check_in_request_not_found', 'visit_ended', unreachableCode];
    for (const lang of ['en', 'fr'] as const) {
      const { t } = createVisitorI18n(lang);
      const generic = t('errorTitle');
      for (const code of codes) {
        const words = problemWordsOf(code)!;
        expect(t(words.title), code).not.toBe(generic);
        expect(t(words.advice).length, code).toBeGreaterThan(20);
      }
    }
    expect(createVisitorI18n('fr').t(problemWordsOf('remote_check_in_off')!.title)).toContain('n’est pas proposé');
    expect(problemWordsOf('slot_unavailable')).toBeNull();
  });
});
