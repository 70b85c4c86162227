import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kioskCancelWindowSeconds } from '@walkup/domain';
import { createDeviceWithToken } from '../../src/auth/demo-access.ts';
import { callerWithHeaders, type Caller } from '../helpers/auth.ts';
import { checkIn, createTestApp, demo, type TestApp } from '../helpers/test-app.ts';

/**
 * Public channels carry every visit id, so a kiosk token must not cancel other people's tickets:
 * a kiosk cancels only the visit it has just created, while its ticket screen shows.
 */
let t: TestApp;
let otherKiosk: Caller;
beforeEach(async () => {
  t = await createTestApp();
  const token = 'second-kiosk-token-hq-0123456789abcdef';
  await createDeviceWithToken(t.database.db, { siteId: demo.site, role: 'kiosk', name: 'Lobby kiosk 2', token }, '2026-01-01T00:00:00.000Z');
  otherKiosk = callerWithHeaders(t.app, 'kiosk', { authorization: `Bearer ${token}` });
});
afterEach(async () => t.close());

const cancel = (caller: Caller, visitId: string) => caller.inject({ method: 'POST', url: `/api/visits/${visitId}/cancel`, payload: {} });
const stateOf = async (visitId: string) => (await t.as.alex.inject({ url: `/api/visits/${visitId}` })).json().state;

describe('kiosk cancellation', () => {
  it('lets a kiosk cancel the ticket it has just printed', async () => {
    const visit = (await checkIn(t.app, demo.hardwareChoice)).json();
    const response = await cancel(t.as.kiosk, visit.id);
    expect(response.statusCode).toBe(200);
    expect(response.json().state).toBe('cancelled');
  });

  it("refuses another kiosk's ticket and a ticket taken at the desk, and changes nothing", async () => {
    const fromOtherKiosk = (await checkIn(t.app, demo.hardwareChoice)).json();
    const refused = await cancel(otherKiosk, fromOtherKiosk.id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'not_this_kiosks_visit', message: expect.stringContaining('a technician can cancel it') });

    const atDesk = await t.as.alex.inject({
      method: 'POST',
      url: `/api/sites/${demo.site}/visits`,
      payload: { categoryId: demo.hardwareChoice, visitor: { kind: 'guest', name: 'Walk-in' } },
    });
    expect((await cancel(t.as.kiosk, atDesk.json().id)).json().code).toBe('not_this_kiosks_visit');
    expect(await stateOf(fromOtherKiosk.id)).toBe('waiting');
    expect(await stateOf(atDesk.json().id)).toBe('waiting');
  });

  it('refuses once the ticket screen has gone, while staff still may', async () => {
    const visit = (await checkIn(t.app, demo.hardwareChoice)).json();
    t.clock.advance(kioskCancelWindowSeconds + 1);
    const late = await cancel(t.as.kiosk, visit.id);
    expect(late.statusCode).toBe(403);
    expect(late.json()).toMatchObject({ code: 'kiosk_cancel_window_passed', message: expect.stringContaining('a technician cancels it') });
    expect(await stateOf(visit.id)).toBe('waiting');
    expect((await cancel(t.as.alex, visit.id)).json().state).toBe('cancelled');
  });
});
