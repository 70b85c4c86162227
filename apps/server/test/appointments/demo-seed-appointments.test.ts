import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, demo, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

describe('the demo site', () => {
  it('takes appointments out of the box: hardware twice an hour, software once, accounts never', async () => {
    const settings = await t.as.admin.inject({ url: `/api/admin/sites/${demo.site}/appointment-settings` });
    expect(settings.statusCode).toBe(200);
    expect(settings.json()).toMatchObject({ enabled: true, bookAheadDays: 14, cutoffMinutes: 15, perHour: { 'hq-hardware': 2, 'hq-software': 1, 'hq-access': 0 } });

    const options = await t.as.anonymous.inject({ url: `/api/sites/${demo.site}/booking-options` });
    expect(options.statusCode).toBe(200);
    const bookable = (options.json().categories as Array<{ id: string; bookable: boolean }>).filter((c) => c.bookable).map((c) => c.id);
    expect(bookable).toContain(demo.hardwareChoice);
    expect(bookable).toContain(demo.softwareChoice);
  });
});
