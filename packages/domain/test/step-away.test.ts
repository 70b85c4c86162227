import { describe, expect, it } from 'vitest';
import { grantStepAway, isCallableNow, pickNextCallableVisit } from '../src/index.ts';

const now = Date.parse('2026-11-23T09:00:00Z');
const minutes = (n: number) => new Date(now + n * 60_000).toISOString();

describe('call-next with visitors who stepped away', () => {
  const waiting = [
    { id: 'a', queueId: 'q', priority: 0, checkedInAt: '2026-11-23T08:00:00Z', awayUntil: minutes(10) },
    { id: 'b', queueId: 'q', priority: 0, checkedInAt: '2026-11-23T08:05:00Z', awayUntil: null },
    { id: 'c', queueId: 'q', priority: 0, checkedInAt: '2026-11-23T08:10:00Z' },
  ];

  it('skips the visitor who is away, without dropping them', () => {
    expect(pickNextCallableVisit(waiting, ['q'], now)?.id).toBe('b');
    expect(isCallableNow(waiting[0]!, now)).toBe(false);
  });

  it('gives them their place back once the extra time is over', () => {
    expect(pickNextCallableVisit(waiting, ['q'], now + 10 * 60_000)?.id).toBe('a');
  });

  it('calls nobody when everyone waiting is away', () => {
    expect(pickNextCallableVisit([waiting[0]!], ['q'], now)).toBeNull();
  });
});

describe('granting extra time', () => {
  const base = { state: 'waiting' as const, grantedMinutes: 0, awayUntil: null, limitMinutes: 30, minutes: 10, nowMs: now };

  it('moves the return 10 minutes later each time, from the time already granted', () => {
    const first = grantStepAway(base);
    expect(first).toEqual({ awayUntil: minutes(10), grantedMinutes: 10 });
    const second = grantStepAway({ ...base, grantedMinutes: 10, awayUntil: first.awayUntil, nowMs: now + 60_000 });
    expect(second).toEqual({ awayUntil: minutes(20), grantedMinutes: 20 });
  });

  it('refuses beyond the site limit, saying how much is left', () => {
    expect(() => grantStepAway({ ...base, grantedMinutes: 25 })).toThrow('5 left');
    expect(() => grantStepAway({ ...base, grantedMinutes: 30 })).toThrow('all used already');
  });

  it('refuses a visitor who is already called', () => {
    expect(() => grantStepAway({ ...base, state: 'called' })).toThrow('only a waiting visitor');
  });
});
