import { describe, expect, it } from 'vitest';
import { applyEventToView, currentBroadcast, prepareBroadcast, type SiteEvent, type SiteView } from '../src/index.ts';

const nowMs = Date.parse('2026-11-23T09:00:00.000Z');

describe('preparing a broadcast', () => {
  it('keeps the text as typed, trimmed, and expires after an hour by default', () => {
    expect(prepareBroadcast({ message: '  Nous avons 15 minutes de retard  ', nowMs })).toEqual({
      message: 'Nous avons 15 minutes de retard',
      postedAt: '2026-11-23T09:00:00.000Z',
      expiresAt: '2026-11-23T10:00:00.000Z',
    });
    expect(prepareBroadcast({ message: 'late', expiresInMinutes: 15, nowMs }).expiresAt).toBe('2026-11-23T09:15:00.000Z');
  });

  it('refuses an empty message, one over 200 characters and a bad expiry, saying which', () => {
    expect(() => prepareBroadcast({ message: '   ', nowMs })).toThrow('empty');
    expect(() => prepareBroadcast({ message: 'é'.repeat(201), nowMs })).toThrow('201 characters; at most 200');
    expect(prepareBroadcast({ message: 'é'.repeat(200), nowMs }).message).toHaveLength(200);
    expect(() => prepareBroadcast({ message: 'late', expiresInMinutes: 0, nowMs })).toThrow('expire after 1 to');
  });

  it('is no longer shown once expired', () => {
    const broadcast = prepareBroadcast({ message: 'late', expiresInMinutes: 5, nowMs });
    expect(currentBroadcast(broadcast, nowMs + 4 * 60_000)).toBe(broadcast);
    expect(currentBroadcast(broadcast, nowMs + 5 * 60_000)).toBeNull();
  });
});

describe('a broadcast in the site view', () => {
  const empty: SiteView = { siteId: 's', seq: 0, queues: [], desks: [], visits: [] };
  const event = (seq: number, type: SiteEvent['type'], data: unknown) => ({ siteId: 's', seq, type, visitId: null, at: '2026-11-23T09:00:00.000Z', data }) as SiteEvent;

  it('appears when posted, is replaced by the next one and disappears when cleared', () => {
    let view = applyEventToView(empty, event(1, 'site.broadcast_posted', { message: 'first', expiresAt: '2026-11-23T10:00:00.000Z' }));
    expect(view.broadcast).toEqual({ message: 'first', postedAt: '2026-11-23T09:00:00.000Z', expiresAt: '2026-11-23T10:00:00.000Z' });
    view = applyEventToView(view, event(2, 'site.broadcast_posted', { message: 'second', expiresAt: '2026-11-23T10:00:00.000Z' }));
    expect(view.broadcast?.message).toBe('second');
    view = applyEventToView(view, event(3, 'site.broadcast_cleared', {}));
    expect(view.broadcast).toBeNull();
  });
});
