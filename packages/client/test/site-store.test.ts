import { describe, expect, it } from 'vitest';
import { createSiteStore } from '../src/site-store.ts';
import { checkedIn, estimates, snapshot } from './fixtures.ts';

describe('createSiteStore', () => {
  it('replaces the view on a snapshot and applies the next events in order', () => {
    const store = createSiteStore();
    store.handleMessage(snapshot(10));
    expect(store.handleMessage(checkedIn(11, 'v1'))).toBe('applied');
    expect(store.handleMessage(checkedIn(12, 'v2'))).toBe('applied');
    expect(store.view.value?.seq).toBe(12);
    expect(store.view.value?.visits.map((v) => v.ticketNumber)).toEqual(['H-011', 'H-012']);
  });

  it('ignores events it already applied (a replay after reconnect overlaps)', () => {
    const store = createSiteStore();
    store.handleMessage(snapshot(10));
    store.handleMessage(checkedIn(11, 'v1'));
    expect(store.handleMessage(checkedIn(11, 'v1'))).toBe('ignored');
    expect(store.handleMessage(checkedIn(9, 'old'))).toBe('ignored');
    expect(store.view.value?.visits).toHaveLength(1);
  });

  it('reports a gap instead of applying an event that skips a seq', () => {
    const store = createSiteStore();
    store.handleMessage(snapshot(10));
    expect(store.handleMessage(checkedIn(12, 'v2'))).toBe('gap');
    expect(store.view.value?.seq).toBe(10);
    expect(store.view.value?.visits).toHaveLength(0);
  });

  it('reports a gap for an event before any snapshot', () => {
    const store = createSiteStore();
    expect(store.handleMessage(checkedIn(1, 'v1'))).toBe('gap');
    expect(store.view.value).toBeNull();
  });

  it('keeps the newest estimates, including the open flag', () => {
    const store = createSiteStore();
    store.handleMessage(snapshot(10));
    store.handleMessage({ type: 'estimates', ...estimates(12, false) });
    store.handleMessage({ type: 'estimates', ...estimates(11, true) });
    expect(store.estimates.value?.seq).toBe(12);
    expect(store.estimates.value?.open).toBe(false);
  });

  it('tells listeners about each applied event, and only applied ones', () => {
    const store = createSiteStore();
    const seen: number[] = [];
    store.onEvent((event) => seen.push(event.seq));
    store.handleMessage(snapshot(10));
    store.handleMessage(checkedIn(11, 'v1'));
    store.handleMessage(checkedIn(11, 'v1'));
    store.handleMessage(checkedIn(13, 'v3'));
    expect(seen).toEqual([11]);
  });
});
