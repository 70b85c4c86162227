import { describe, expect, it } from 'vitest';
import { ConflictError, canApply, nextVisitState, type VisitAction, type VisitState } from '../src/index.ts';

describe('visit state machine', () => {
  it.each<[VisitAction, VisitState, VisitState]>([
    ['call', 'waiting', 'called'],
    ['recall', 'called', 'called'],
    ['start', 'called', 'in_service'],
    ['resolve', 'in_service', 'resolved'],
    ['resolve', 'called', 'resolved'],
    ['no_show', 'called', 'no_show'],
    ['transfer', 'in_service', 'waiting'],
    ['transfer', 'waiting', 'waiting'],
    ['escalate', 'in_service', 'escalated'],
    ['cancel', 'waiting', 'cancelled'],
  ])('%s from %s leads to %s', (action, from, to) => {
    expect(nextVisitState(action, from)).toBe(to);
  });

  it.each<[VisitAction, VisitState]>([
    ['start', 'waiting'],
    ['resolve', 'waiting'],
    ['no_show', 'in_service'],
    ['call', 'called'],
    ['escalate', 'waiting'],
    ['cancel', 'in_service'],
    ['transfer', 'resolved'],
    ['recall', 'resolved'],
  ])('refuses %s from %s with a message naming the needed states', (action, from) => {
    expect(canApply(action, from)).toBe(false);
    expect(() => nextVisitState(action, from)).toThrow(ConflictError);
    expect(() => nextVisitState(action, from)).toThrow(/it must be/);
  });

  it('ended visits accept no action at all', () => {
    const actions: VisitAction[] = ['call', 'recall', 'start', 'resolve', 'no_show', 'transfer', 'escalate', 'cancel'];
    for (const state of ['resolved', 'escalated', 'no_show', 'cancelled'] as const) {
      expect(actions.filter((a) => canApply(a, state))).toEqual([]);
    }
  });
});
