import { ConflictError } from './errors.ts';

export const visitStates = ['waiting', 'called', 'in_service', 'resolved', 'escalated', 'no_show', 'cancelled'] as const;
export type VisitState = (typeof visitStates)[number];

/** States in which a visit still occupies the queue or a desk. */
export const activeVisitStates: readonly VisitState[] = ['waiting', 'called', 'in_service'];

export type VisitAction = 'call' | 'recall' | 'start' | 'resolve' | 'no_show' | 'transfer' | 'escalate' | 'cancel' | 'rejoin';

/**
 * Which states each action may start from. Resolve is allowed straight from "called" because a
 * technician who fixes something in ten seconds should not have to press Start first.
 */
const allowedFrom: Record<VisitAction, readonly VisitState[]> = {
  call: ['waiting'],
  recall: ['called'],
  start: ['called'],
  resolve: ['called', 'in_service'],
  no_show: ['called'],
  transfer: ['waiting', 'called', 'in_service'],
  escalate: ['called', 'in_service'],
  cancel: ['waiting', 'called'],
  // A visitor who missed their call and comes back within the site's grace window.
  rejoin: ['no_show'],
};

const resultingState: Record<VisitAction, VisitState> = {
  call: 'called',
  recall: 'called',
  start: 'in_service',
  resolve: 'resolved',
  no_show: 'no_show',
  transfer: 'waiting',
  escalate: 'escalated',
  cancel: 'cancelled',
  rejoin: 'waiting',
};

export function isActive(state: VisitState): boolean {
  return activeVisitStates.includes(state);
}

export function canApply(action: VisitAction, from: VisitState): boolean {
  return allowedFrom[action].includes(from);
}

/** Returns the state after `action`, or throws a ConflictError naming the states it needs. */
export function nextVisitState(action: VisitAction, from: VisitState): VisitState {
  if (!canApply(action, from)) {
    const needed = allowedFrom[action].join(' or ');
    throw new ConflictError(
      'illegal_transition',
      `cannot ${action.replace('_', '-')} a visit that is ${from.replace('_', ' ')}; it must be ${needed.replaceAll('_', ' ')}`,
    );
  }
  return resultingState[action];
}
