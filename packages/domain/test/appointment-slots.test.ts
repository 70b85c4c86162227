import { describe, expect, it } from 'vitest';
import { generateSlots, instantAtLocalTime, isBookable, localDateOf, type SlotRules } from '../src/index.ts';

const paris: SlotRules = {
  timeZone: 'Europe/Paris',
  openingHours: { mon: [['09:00', '12:00']], tue: [['09:00', '12:00']], sun: [['01:00', '04:00']] },
  closures: [],
  perHour: 2,
  slotMinutes: 30,
  bookAheadDays: 14,
  cutoffMinutes: 60,
};
// Sunday 2026-11-29, 20:00 in Paris: the next days are open Monday and Tuesday mornings.
const sundayEvening = new Date('2026-11-29T19:00:00Z');
const starts = (slots: { startsAt: string }[]) => slots.map((s) => s.startsAt);

describe('local wall time to instant', () => {
  it('uses the offset in force on that day, not one frozen offset', () => {
    expect(instantAtLocalTime('2026-01-15', 9 * 60, 'Europe/Paris')?.toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(instantAtLocalTime('2026-07-15', 9 * 60, 'Europe/Paris')?.toISOString()).toBe('2026-07-15T07:00:00.000Z');
  });

  it('has no instant for a time skipped when clocks go forward, and the first of a repeated time', () => {
    expect(instantAtLocalTime('2026-03-29', 2 * 60 + 30, 'Europe/Paris')).toBeNull();
    expect(instantAtLocalTime('2026-10-25', 2 * 60 + 30, 'Europe/Paris')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('works west of Greenwich too', () => {
    expect(instantAtLocalTime('2026-03-08', 9 * 60, 'America/New_York')?.toISOString()).toBe('2026-03-08T13:00:00.000Z');
    expect(instantAtLocalTime('2026-03-07', 9 * 60, 'America/New_York')?.toISOString()).toBe('2026-03-07T14:00:00.000Z');
  });
});

describe('appointment slots', () => {
  it('cuts each opening interval into slots of the category length, in the site time zone', () => {
    const slots = generateSlots(paris, { now: sundayEvening, from: '2026-11-30', to: '2026-11-30', bookings: [] });
    expect(starts(slots)).toEqual([
      '2026-11-30T08:00:00.000Z',
      '2026-11-30T08:30:00.000Z',
      '2026-11-30T09:00:00.000Z',
      '2026-11-30T09:30:00.000Z',
      '2026-11-30T10:00:00.000Z',
      '2026-11-30T10:30:00.000Z',
    ]);
    expect(slots.every((s) => s.free === 2)).toBe(true);
  });

  it('gives no slot on a holiday or closure, nor past the booking horizon', () => {
    const closed = { ...paris, closures: [{ from: '2026-11-30', to: '2026-11-30' }], bookAheadDays: 1 };
    const slots = generateSlots(closed, { now: sundayEvening, from: '2026-11-29', to: '2026-12-08', bookings: [] });
    expect(new Set(slots.map((s) => localDateOf(new Date(s.startsAt), 'Europe/Paris')))).toEqual(new Set());
    const open = generateSlots({ ...paris, bookAheadDays: 2 }, { now: sundayEvening, from: '2026-11-29', to: '2026-12-08', bookings: [] });
    expect(new Set(open.map((s) => localDateOf(new Date(s.startsAt), 'Europe/Paris')))).toEqual(new Set(['2026-11-30', '2026-12-01']));
  });

  it('closes a slot at the cut-off before it starts', () => {
    const mondayAt0830 = new Date('2026-11-30T07:30:00Z');
    const slots = generateSlots(paris, { now: mondayAt0830, from: '2026-11-30', to: '2026-11-30', bookings: [] });
    expect(starts(slots)[0]).toBe('2026-11-30T08:30:00.000Z');
  });

  it('counts bookings per clock hour and against the technicians on duty', () => {
    const bookings = [{ startsAt: '2026-11-30T08:00:00.000Z', endsAt: '2026-11-30T08:30:00.000Z' }];
    const hourly = generateSlots(paris, { now: sundayEvening, from: '2026-11-30', to: '2026-11-30', bookings });
    expect(hourly.slice(0, 3).map((s) => s.free)).toEqual([1, 1, 2]);
    const full = generateSlots(paris, { now: sundayEvening, from: '2026-11-30', to: '2026-11-30', bookings: [...bookings, { startsAt: '2026-11-30T08:30:00.000Z', endsAt: '2026-11-30T09:00:00.000Z' }] });
    expect(full.slice(0, 3).map((s) => s.free)).toEqual([0, 0, 2]);
    const oneTechnician = generateSlots(paris, { now: sundayEvening, from: '2026-11-30', to: '2026-11-30', bookings, techniciansOnDuty: () => 1 });
    expect(oneTechnician.slice(0, 3).map((s) => s.free)).toEqual([0, 1, 1]);
    const nobody = generateSlots(paris, { now: sundayEvening, from: '2026-11-30', to: '2026-11-30', bookings: [], techniciansOnDuty: () => 0 });
    expect(nobody.every((s) => s.free === 0)).toBe(true);
  });

  it('skips slots that fall in the hour skipped by daylight saving, and keeps real lengths', () => {
    const night = { ...paris, perHour: 1, slotMinutes: 60, bookAheadDays: 400 };
    const spring = generateSlots(night, { now: sundayEvening, from: '2027-03-28', to: '2027-03-28', bookings: [] });
    // 01:00 and 03:00 local exist; 02:00 does not on 2027-03-28 in Paris.
    expect(starts(spring)).toEqual(['2027-03-28T00:00:00.000Z', '2027-03-28T01:00:00.000Z']);
    const autumn = generateSlots(night, { now: sundayEvening, from: '2027-10-31', to: '2027-10-31', bookings: [] });
    expect(starts(autumn)).toEqual(['2027-10-30T23:00:00.000Z', '2027-10-31T00:00:00.000Z', '2027-10-31T02:00:00.000Z']);
  });

  it('offers nothing when booking is off', () => {
    expect(generateSlots({ ...paris, perHour: 0 }, { now: sundayEvening, from: '2026-11-30', to: '2026-12-01', bookings: [] })).toEqual([]);
  });

  it('checks a chosen start again at booking time', () => {
    const query = { now: sundayEvening, bookings: [] };
    expect(isBookable(paris, query, '2026-11-30T08:00:00.000Z')).toBe(true);
    expect(isBookable(paris, query, '2026-11-30T08:10:00.000Z')).toBe(false);
    const taken = [1, 2].map(() => ({ startsAt: '2026-11-30T08:00:00.000Z', endsAt: '2026-11-30T08:30:00.000Z' }));
    expect(isBookable(paris, { ...query, bookings: taken }, '2026-11-30T08:30:00.000Z')).toBe(false);
  });
});
