import { describe, expect, it } from 'vitest';
import { appointmentRouteOf, bookableDays, bookableReasons, formatTime } from '../src/booking-model.ts';

const token = 'a'.repeat(43);

describe('appointment links', () => {
  it('opens the page each email links to, and none for a malformed value', () => {
    expect(appointmentRouteOf('?book=site-hq')).toEqual({ page: 'book', siteId: 'site-hq' });
    expect(appointmentRouteOf(`?confirm=${token}`)).toEqual({ page: 'confirm', token });
    expect(appointmentRouteOf(`?appointment=${token}`)).toEqual({ page: 'manage', token });
    expect(appointmentRouteOf('?confirm=short')).toBeNull();
    expect(appointmentRouteOf('?book=<script>')).toBeNull();
    expect(appointmentRouteOf('')).toBeNull();
  });

  it('opens the remote check-in page, its emailed link and the poster', () => {
    expect(appointmentRouteOf('?checkin=hq')).toEqual({ page: 'checkin', siteId: 'hq' });
    expect(appointmentRouteOf(`?checkin-link=${token}`)).toEqual({ page: 'checkin-link', token });
    expect(appointmentRouteOf('?poster=hq')).toEqual({ page: 'poster', siteId: 'hq' });
    expect(appointmentRouteOf('?checkin-link=short')).toBeNull();
    expect(appointmentRouteOf('?poster=../admin')).toBeNull();
  });
});

describe('reasons to book', () => {
  const label = (en: string) => ({ en });
  it('keeps the branches leading to a bookable leaf; only leaves are choices', () => {
    const tree = bookableReasons([
      { id: 'hw', parentId: null, label: label('Hardware'), icon: '', bookable: true },
      { id: 'laptop', parentId: 'hw', label: label('Laptop'), icon: '', bookable: true },
      { id: 'phone', parentId: 'hw', label: label('Phone'), icon: '', bookable: false },
      { id: 'pw', parentId: null, label: label('Password'), icon: '', bookable: false },
      { id: 'sw', parentId: null, label: label('Software'), icon: '', bookable: true },
    ]);
    expect(tree.map((n) => [n.id, n.bookable])).toEqual([
      ['hw', false],
      ['sw', true],
    ]);
    expect(tree[0]!.children.map((n) => n.id)).toEqual(['laptop']);
  });
});

describe('days and times in the site zone', () => {
  it('counts days from the site’s today, not the phone’s', () => {
    // 23:30 UTC on 30 November is already 1 December in Paris.
    expect(bookableDays(new Date('2026-11-30T23:30:00Z'), 'Europe/Paris', 2)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03']);
    expect(bookableDays(new Date('2026-11-30T23:30:00Z'), 'UTC', 0)).toEqual(['2026-11-30']);
  });

  it('shows a slot’s time in the site’s zone', () => {
    expect(formatTime('2026-12-01T10:20:00Z', 'Europe/Paris', 'fr')).toBe('11:20');
  });
});
