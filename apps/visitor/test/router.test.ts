import { describe, expect, it } from 'vitest';
import { pageOf } from '../src/router.ts';
import { suggestedScoreOf } from '../src/FeedbackPage.tsx';
import { createTicketStore, tokenFromHash } from '../src/ticket-store.ts';
import type { VisitorConnectionOptions } from '@walkup/client';

describe('visitor router', () => {
  it('maps paths below the base to pages, with or without a trailing slash', () => {
    expect(pageOf('/visitor/ticket', '/visitor')).toBe('ticket');
    expect(pageOf('/visitor/ticket/', '/visitor')).toBe('ticket');
    expect(pageOf('/visitor/', '/visitor')).toBe('not-found');
    expect(pageOf('/visitor/nope', '/visitor')).toBe('not-found');
    expect(pageOf('/visitor/feedback', '/visitor')).toBe('feedback');
  });

  it('reads the face a closing email’s link was for, and nothing else', () => {
    expect(suggestedScoreOf('?score=3')).toBe(3);
    expect(suggestedScoreOf('?score=1&x=y')).toBe(1);
    expect(suggestedScoreOf('?score=4')).toBeUndefined();
    expect(suggestedScoreOf('?score=')).toBeUndefined();
    expect(suggestedScoreOf('')).toBeUndefined();
  });
});

describe('ticket link', () => {
  it('reads the token from the fragment and refuses anything else', () => {
    expect(tokenFromHash('#abcdefghijklmnopqrstuvwxyz_-0123')).toBe('abcdefghijklmnopqrstuvwxyz_-0123');
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#short')).toBeNull();
    expect(tokenFromHash('#<script>alert(1)</script>xxxxxxxx')).toBeNull();
  });

  it('follows the visit from the socket: ticket, then the end; an unknown link says so', () => {
    let options: VisitorConnectionOptions | null = null;
    const store = createTicketStore('t'.repeat(43), (o) => ((options = o), { close() {} }));
    store.start();
    const ticket = { siteName: 'HQ', ticketNumber: 'H-001', queue: { id: 'q', name: { en: 'Q' } }, state: 'waiting' as const, position: 2, estimate: null, nobodyServing: null, timeZone: 'Europe/Paris', desk: null, calledAt: null, awayUntil: null, onTheWay: false, stepAwayLeftMinutes: 30, broadcast: null };
    options!.onMessage({ type: 'ticket', ticket });
    expect(store.ticket.value?.position).toBe(2);
    options!.onMessage({ type: 'ended', outcome: 'resolved', feedbackOpen: true });
    expect(store.ended.value).toEqual({ outcome: 'resolved', feedbackOpen: true });

    const other = createTicketStore('u'.repeat(43), (o) => ((options = o), { close() {} }));
    other.start();
    options!.onMessage({ type: 'error', code: 'visitor_link_unknown', message: 'unknown' });
    expect(other.problem.value).toBe('unknown');
    expect(createTicketStore(null).problem.value).toBe('no_token');
  });
});
