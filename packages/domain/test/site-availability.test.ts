import { describe, expect, it } from 'vitest';
import { siteAvailability, type SiteAvailabilityRules } from '../src/site-availability.ts';

const rules: SiteAvailabilityRules = {
  timeZone: 'Europe/Paris',
  openingHours: { mon: [['08:00', '12:00']], tue: [['08:00', '12:00']] },
  closures: [{ id: 'c1', firstDay: '2026-11-24', lastDay: '2026-11-25', message: { en: 'Staff day' } }],
  checkInCutoffMinutes: 30,
};

describe('siteAvailability', () => {
  it('is open and takes visitors inside the hours (Monday 10:00 in Paris)', () => {
    expect(siteAvailability(rules, new Date('2026-11-23T09:00:00Z'))).toEqual({ open: true, acceptsCheckIn: true });
  });

  it('stops check-in within the cutoff before closing while staying open', () => {
    expect(siteAvailability(rules, new Date('2026-11-23T10:45:00Z'))).toEqual({ open: true, acceptsCheckIn: false, reason: 'cutoff' });
  });

  it('is closed outside the hours', () => {
    expect(siteAvailability(rules, new Date('2026-11-23T12:00:00Z'))).toMatchObject({ open: false, reason: 'hours' });
  });

  it('is closed on a closure day even within the hours, both ends included, by the local date', () => {
    expect(siteAvailability(rules, new Date('2026-11-24T09:00:00Z'))).toMatchObject({ open: false, reason: 'closure', closure: { id: 'c1' } });
    // 23:30 UTC on the 25th is already the 26th in Paris: the closure is over.
    expect(siteAvailability({ ...rules, openingHours: { thu: [['00:00', '24:00']] } }, new Date('2026-11-25T23:30:00Z'))).toMatchObject({ open: true });
  });
});
