import { describe, expect, it } from 'vitest';
import { applyEventToView, pickNextCallableVisit, requireOnTheWay, isTimeToComeOver, type SiteEvent, type SiteView } from '../src/index.ts';

const now = Date.parse('2026-11-23T09:00:00Z');

describe('call-next with visitors on the way', () => {
  const waiting = [
    { id: 'remote', queueId: 'q', priority: 0, checkedInAt: '2026-11-23T08:00:00Z', onTheWay: true },
    { id: 'here', queueId: 'q', priority: 0, checkedInAt: '2026-11-23T08:05:00Z' },
  ];

  it('steps over a visitor on the way by default, keeping their place', () => {
    expect(pickNextCallableVisit(waiting, ['q'], now)?.id).toBe('here');
    expect(pickNextCallableVisit(waiting, ['q'], now, undefined, { callOnlyArrived: true })?.id).toBe('here');
  });

  it('calls them first again once arrived', () => {
    const arrived = waiting.map((v) => ({ ...v, onTheWay: false }));
    expect(pickNextCallableVisit(arrived, ['q'], now)?.id).toBe('remote');
  });

  it('calls them wherever they are when the site says so', () => {
    expect(pickNextCallableVisit(waiting, ['q'], now, undefined, { callOnlyArrived: false })?.id).toBe('remote');
  });

  it('calls nobody when the only visitor is still on the way', () => {
    expect(pickNextCallableVisit([waiting[0]!], ['q'], now)).toBeNull();
  });

  it('still steps over someone away even when on-the-way visitors may be called', () => {
    const away = [{ ...waiting[0]!, onTheWay: false, awayUntil: new Date(now + 60_000).toISOString() }, waiting[1]!];
    expect(pickNextCallableVisit(away, ['q'], now, undefined, { callOnlyArrived: false })?.id).toBe('here');
  });
});

describe('arriving', () => {
  it('accepts one arrival of a visitor on the way, then refuses a second', () => {
    expect(() => requireOnTheWay({ state: 'waiting', ticketNumber: 'H-001', onTheWay: true })).not.toThrow();
    expect(() => requireOnTheWay({ state: 'waiting', ticketNumber: 'H-001', onTheWay: false })).toThrow(/already arrived/);
    expect(() => requireOnTheWay({ state: 'resolved', ticketNumber: 'H-001', onTheWay: true })).toThrow(/resolved/);
  });

  it('shows the visitor on the way in the view until the arrival event', () => {
    const empty: SiteView = { siteId: 's', seq: 0, queues: [], desks: [], visits: [] };
    const checkedIn = {
      siteId: 's', seq: 1, type: 'visit.checked_in', visitId: 'v', at: '2026-11-23T08:00:00Z',
      data: { queueId: 'q', categoryId: 'c', ticketNumber: 'H-001', priority: 0, checkedInAt: '2026-11-23T08:00:00Z', visitor: { kind: 'email', email: 'a@example.org' }, note: null, onTheWay: true },
    } as SiteEvent;
    const view = applyEventToView(empty, checkedIn);
    expect(view.visits[0]!.onTheWay).toBe(true);
    const arrived = applyEventToView(view, { siteId: 's', seq: 2, type: 'visit.arrived', visitId: 'v', at: '2026-11-23T08:20:00Z', data: { via: 'phone' } });
    expect(arrived.visits[0]!.onTheWay).toBe(false);
  });
});

describe('time to come over (visitors on the way)', () => {
  const facts = { position: 6, expectedWaitSeconds: 25 * 60, notifyAtPosition: 3, walkMinutes: 10 };
  it('is not yet while far in line and far in time', () => {
    expect(isTimeToComeOver(facts)).toBe(false);
  });
  it('comes when the expected wait is within the walk, even far in line', () => {
    expect(isTimeToComeOver({ ...facts, expectedWaitSeconds: 10 * 60 })).toBe(true);
    expect(isTimeToComeOver({ ...facts, expectedWaitSeconds: 10 * 60 + 1 })).toBe(false);
  });
  it('comes at the "almost up" place, even with a long or unknown estimate', () => {
    expect(isTimeToComeOver({ ...facts, position: 3 })).toBe(true);
    expect(isTimeToComeOver({ ...facts, position: 3, expectedWaitSeconds: null })).toBe(true);
    expect(isTimeToComeOver({ ...facts, expectedWaitSeconds: null })).toBe(false);
  });
  it('never for a visitor not in line', () => {
    expect(isTimeToComeOver({ ...facts, position: null, expectedWaitSeconds: 0 })).toBe(false);
  });
});
