import { ApiRequestError, type ApiClient } from '@walkup/client';
import { looksLikeBookingCode } from '@walkup/domain';
import { describe, expect, it, vi } from 'vitest';
import { createKioskStore } from '../src/kiosk-store.ts';

const ticket = { id: 'v1', ticketNumber: 'H-004', queueId: 'q', position: 2, estimate: null, appointment: { startsAt: '2026-12-01T10:20:00Z', kept: true } };

function kioskWith(api: Partial<ApiClient>) {
  const store = createKioskStore(api as ApiClient);
  store.siteId.value = 'hq';
  return store;
}

describe('booking code at the identify step', () => {
  it('recognises the code as typed or scanned, never an all-digit badge, an email or an employee id with a 1', () => {
    expect(looksLikeBookingCode('ABCD-EF23')).toBe(true);
    expect(looksLikeBookingCode(' abcd ef23 ')).toBe(true);
    expect(looksLikeBookingCode('ABCDEF23')).toBe(true);
    expect(looksLikeBookingCode('23456789')).toBe(false);
    expect(looksLikeBookingCode('ab@cd.fr')).toBe(false);
    expect(looksLikeBookingCode('EMP01234')).toBe(false);
    expect(looksLikeBookingCode('ABCD-EF234')).toBe(false);
  });

  it('checks the booked visitor in with the code and shows the ticket', async () => {
    const checkInWithBookingCode = vi.fn(async () => ticket);
    const identify = vi.fn();
    const store = kioskWith({ checkInWithBookingCode, identify });
    await store.identify('abcd-ef23');
    expect(checkInWithBookingCode).toHaveBeenCalledWith('hq', 'abcd-ef23');
    expect(identify).not.toHaveBeenCalled();
    expect(store.screen.value).toEqual({ name: 'ticket', ticket });
  });

  it('tries a look-alike that matches no booking as a badge or id', async () => {
    const checkInWithBookingCode = vi.fn(async () => {
      throw new ApiRequestError({ statusCode: 404, code: 'not_found', message: 'appointment not found' });
    });
    const identify = vi.fn(async () => ({ kind: 'employee_id' as const, displayName: 'Ada' }));
    const store = kioskWith({ checkInWithBookingCode, identify });
    await store.identify('JDOE2345');
    expect(identify).toHaveBeenCalledWith('hq', { identifier: 'JDOE2345' });
    expect(store.screen.value).toEqual({ name: 'categories', parentId: null });
  });

  it('says why a used code is refused', async () => {
    const store = kioskWith({
      checkInWithBookingCode: async () => {
        throw new ApiRequestError({ statusCode: 409, code: 'appointment_not_booked', message: 'this appointment is already arrived' });
      },
      identify: vi.fn(),
    });
    await store.identify('ABCD-EF23');
    expect(store.screen.value.name).toBe('start');
    expect(store.problem.value).not.toBeNull();
  });
});
