import { describe, expect, it } from 'vitest';
import { applyEventToView, checkRejoin, positionInQueue, rejoinOpenUntil, type SiteEvent, type SiteView } from '../src/index.ts';

const endedAt = '2026-11-23T09:00:00.000Z';
const at = (minutes: number) => Date.parse(endedAt) + minutes * 60_000;

describe('rejoining after a missed call', () => {
  const base = { state: 'no_show' as const, endedAt, graceMinutes: 10 };

  it('puts a no-show back to waiting within the grace window', () => {
    expect(checkRejoin({ ...base, nowMs: at(9) })).toBe('waiting');
    expect(rejoinOpenUntil(base)).toBe('2026-11-23T09:10:00.000Z');
  });

  it('refuses once the grace window is over, saying how long it was', () => {
    expect(() => checkRejoin({ ...base, nowMs: at(10) })).toThrow('10 minutes to rejoin');
  });

  it('refuses when the site turned rejoining off (0 minutes)', () => {
    expect(() => checkRejoin({ ...base, graceMinutes: 0, nowMs: at(1) })).toThrow('does not let a missed call rejoin');
    expect(rejoinOpenUntil({ ...base, graceMinutes: 0 })).toBeNull();
  });

  it('refuses visits that were not no-shows: a resolved or cancelled visit stays closed, a waiting one is already in line', () => {
    for (const state of ['resolved', 'cancelled', 'escalated', 'waiting', 'called'] as const) {
      expect(() => checkRejoin({ ...base, state, nowMs: at(1) })).toThrow(/cannot rejoin/);
      expect(rejoinOpenUntil({ ...base, state })).toBeNull();
    }
  });
});

describe('a rejoined visit on screens', () => {
  const visitor = { kind: 'guest' as const, name: 'Ana' };
  const event = (seq: number, type: SiteEvent['type'], visitId: string | null, data: unknown): SiteEvent =>
    ({ siteId: 's', seq, type, visitId, at: `2026-11-23T09:0${seq}:00.000Z`, data }) as SiteEvent;
  const checkIn = (seq: number, id: string, checkedInAt: string) =>
    event(seq, 'visit.checked_in', id, { queueId: 'q', categoryId: 'c', ticketNumber: id.toUpperCase(), priority: 0, checkedInAt, visitor, note: null });
  const empty: SiteView = { siteId: 's', seq: 0, queues: [], desks: [], visits: [] };

  it('comes back first in its queue, ahead of everyone who checked in after it', () => {
    let view = [
      checkIn(1, 'a', '2026-11-23T08:00:00.000Z'),
      checkIn(2, 'b', '2026-11-23T08:05:00.000Z'),
      event(3, 'visit.called', 'a', { deskId: 'd', technicianId: 't', outOfOrder: false }),
      event(4, 'visit.no_show', 'a', { technicianId: 't' }),
    ].reduce(applyEventToView, empty);
    expect(view.visits.map((v) => v.id)).toEqual(['b']);
    view = applyEventToView(
      view,
      event(5, 'visit.rejoined', 'a', {
        queueId: 'q',
        categoryId: 'c',
        ticketNumber: 'A',
        priority: 0,
        checkedInAt: '2026-11-23T08:00:00.000Z',
        callCount: 1,
        awayMinutes: 0,
        visitor,
        note: null,
        itsm: { state: 'synced', ticketNumber: 'INC1', ticketUrl: null, error: null },
      }),
    );
    expect(view.visits.find((v) => v.id === 'a')).toMatchObject({ state: 'waiting', deskId: null, callCount: 1, itsm: { ticketNumber: 'INC1' } });
    expect(positionInQueue(view, 'a')).toBe(1);
    expect(positionInQueue(view, 'b')).toBe(2);
  });
});
