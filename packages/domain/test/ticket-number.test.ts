import { describe, expect, it } from 'vitest';
import { formatTicketNumber, isOpenAt, serviceDay } from '../src/index.ts';

describe('ticket numbering', () => {
  it('pads the counter after the queue prefix', () => {
    expect(formatTicketNumber('H', 12)).toBe('H-012');
    expect(formatTicketNumber('AB', 1234)).toBe('AB-1234');
  });

  it('changes service day at local midnight, not UTC midnight', () => {
    expect(serviceDay(new Date('2026-11-23T22:59:00Z'), 'Europe/Paris')).toBe('2026-11-23');
    expect(serviceDay(new Date('2026-11-23T23:01:00Z'), 'Europe/Paris')).toBe('2026-11-24');
    expect(serviceDay(new Date('2026-11-23T23:01:00Z'), 'America/New_York')).toBe('2026-11-23');
    expect(serviceDay(new Date('2026-11-23T13:30:00Z'), 'Australia/Sydney')).toBe('2026-11-24');
  });

  it('changes day at the first second of local midnight, however often it was asked the minute before', () => {
    for (const second of [0, 20, 59]) expect(serviceDay(new Date(`2026-11-23T22:59:${String(second).padStart(2, "0")}Z`), 'Europe/Paris')).toBe('2026-11-23');
    expect(serviceDay(new Date('2026-11-23T23:00:00Z'), 'Europe/Paris')).toBe('2026-11-24');
    expect(isOpenAt({ mon: [['08:00', '12:00']] }, new Date('2026-11-23T10:59:59Z'), 'Europe/Paris')).toBe(true);
    expect(isOpenAt({ mon: [['08:00', '12:00']] }, new Date('2026-11-23T11:00:00Z'), 'Europe/Paris')).toBe(false);
  });

  it('follows daylight saving changes', () => {
    // Paris leaves summer time on 2026-10-25: midnight is 22:00 UTC before, 23:00 UTC after.
    expect(serviceDay(new Date('2026-10-24T22:30:00Z'), 'Europe/Paris')).toBe('2026-10-25');
    expect(serviceDay(new Date('2026-10-25T22:30:00Z'), 'Europe/Paris')).toBe('2026-10-25');
  });
});

describe('opening hours', () => {
  const hours = { mon: [['08:00', '12:00'], ['13:30', '17:00']] as Array<[string, string]> };
  it('is open inside a range in the site time zone and closed outside', () => {
    expect(isOpenAt(hours, new Date('2026-11-23T07:30:00Z'), 'Europe/Paris')).toBe(true); // 08:30
    expect(isOpenAt(hours, new Date('2026-11-23T11:30:00Z'), 'Europe/Paris')).toBe(false); // 12:30 lunch
    expect(isOpenAt(hours, new Date('2026-11-23T16:00:00Z'), 'Europe/Paris')).toBe(false); // 17:00 closing
    expect(isOpenAt(hours, new Date('2026-11-24T08:30:00Z'), 'Europe/Paris')).toBe(false); // Tuesday
  });
});

describe('time zone offsets', () => {
  it('gives the offset in minutes, following daylight saving', async () => {
    const { utcOffsetMinutes } = await import('../src/index.ts');
    expect(utcOffsetMinutes('Europe/Paris', new Date('2026-01-15T12:00:00Z'))).toBe(60);
    expect(utcOffsetMinutes('Europe/Paris', new Date('2026-07-15T12:00:00Z'))).toBe(120);
    expect(utcOffsetMinutes('America/New_York', new Date('2026-01-15T12:00:00Z'))).toBe(-300);
    expect(utcOffsetMinutes('Asia/Kolkata', new Date('2026-01-15T12:00:00Z'))).toBe(330);
  });
});
