import { describe, expect, it } from 'vitest';
import { isAppointmentNoShow, pickNextVisit, placeAppointmentArrival, type QueuedVisit } from '../src/index.ts';

const rules = { lateGraceSeconds: 600, maxAdvanceSeconds: 1800 };
const at = (hhmm: string) => `2026-11-30T${hhmm}:00.000Z`;

describe('appointment arrival (QLess FlexAppointment rule)', () => {
  it('places an on-time arrival where a walk-in would have joined to reach the front at the slot', () => {
    const placed = placeAppointmentArrival({ slotStartsAt: at('10:00'), arrivedAt: at('09:55'), expectedWaitSeconds: 15 * 60 }, rules);
    expect(placed).toEqual({ kind: 'appointment', callOrderAt: at('09:45') });
  });

  it('does not place an early arrival ahead of people who arrive before its turn', () => {
    const placed = placeAppointmentArrival({ slotStartsAt: at('10:00'), arrivedAt: at('09:00'), expectedWaitSeconds: 5 * 60 }, rules);
    expect(placed).toEqual({ kind: 'appointment', callOrderAt: at('09:55') });
  });

  it('never jumps more than the maximum advance ahead of its own arrival', () => {
    const placed = placeAppointmentArrival({ slotStartsAt: at('10:00'), arrivedAt: at('09:58'), expectedWaitSeconds: 2 * 3600 }, rules);
    expect(placed).toEqual({ kind: 'appointment', callOrderAt: at('09:28') });
  });

  it('keeps the appointment within the late grace, and makes a later arrival a walk-in', () => {
    expect(placeAppointmentArrival({ slotStartsAt: at('10:00'), arrivedAt: at('10:08'), expectedWaitSeconds: 600 }, rules).kind).toBe('appointment');
    expect(placeAppointmentArrival({ slotStartsAt: at('10:00'), arrivedAt: at('10:11'), expectedWaitSeconds: 600 }, rules)).toEqual({
      kind: 'late_walk_in',
      callOrderAt: at('10:11'),
    });
  });

  it('calls the booked visitor near the slot while walk-ins keep their own order', () => {
    const walkIns: QueuedVisit[] = ['09:30', '09:40', '09:50', '09:57'].map((t, i) => ({ id: `w${i}`, queueId: 'q', priority: 0, checkedInAt: at(t) }));
    const placed = placeAppointmentArrival({ slotStartsAt: at('10:00'), arrivedAt: at('09:58'), expectedWaitSeconds: 12 * 60 }, rules);
    const booked: QueuedVisit = { id: 'a', queueId: 'q', priority: 0, checkedInAt: at('09:58'), callOrderAt: placed.callOrderAt };
    const order: string[] = [];
    let waiting = [...walkIns, booked];
    while (waiting.length > 0) {
      const next = pickNextVisit(waiting, ['q'])!;
      order.push(next.id);
      waiting = waiting.filter((v) => v !== next);
    }
    expect(order).toEqual(['w0', 'w1', 'a', 'w2', 'w3']);
  });

  it('is a no-show only once the grace after the slot has passed', () => {
    expect(isAppointmentNoShow(at('10:00'), new Date(at('10:10')), rules)).toBe(false);
    expect(isAppointmentNoShow(at('10:00'), new Date(at('10:11')), rules)).toBe(true);
  });
});
