import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingMail } from '../../apps/server/src/appointments/index.ts';
import { expectNoSeriousAxeViolations } from './helpers/axe.ts';
import { collectPageErrors, launchChromium } from './helpers/chromium.ts';
import { signInStaff } from './helpers/staff-api.ts';
import { startWalkupServer, type WalkupServer } from './helpers/walkup-server.ts';

/**
 * A booked visit from end to end: booked on a phone, confirmed from the emailed link, checked in at
 * the kiosk with the code, and called near the booked time while walk-ins keep being served. The
 * server's clock is moved on by hand; the browsers keep theirs.
 */
let server: WalkupServer;
let browser: Browser;
let kiosk: Page;
let phone: Page;
let consolePage: Page;
let staff: Awaited<ReturnType<typeof signInStaff>>;
const pageErrors: string[] = [];
const mails: OutgoingMail[] = [];
/**
 * The server's clock, pinned to ten to the hour (the nearest such time, within half an hour of now):
 * where the first free slot falls, and so where the booked visitor is called, depends on the minutes
 * to the next hour, and on the real time this test passed in one half of each hour and failed in the
 * other. Near now, so the browser's day and the server's agree.
 */
const clock = { at: nearestMinutePastTheHour(50) };

function nearestMinutePastTheHour(minute: number): number {
  const now = Date.now();
  const at = new Date(now);
  at.setUTCMinutes(minute, 0, 0);
  if (at.getTime() - now > 30 * 60_000) at.setTime(at.getTime() - 3600_000);
  return at.getTime();
}
const eventually = { timeout: 10_000, interval: 100 };
const minutes = 60_000;

function linkToken(param: string): string {
  for (const mail of [...mails].reverse()) {
    const match = new RegExp(`[?&]${param}=([A-Za-z0-9_-]+)`).exec(mail.text);
    if (match) return match[1]!;
  }
  throw new Error(`no ${param} link mailed`);
}

beforeAll(async () => {
  server = await startWalkupServer({ sendMail: async (mail) => void mails.push(mail), now: () => new Date(clock.at) });
  browser = await launchChromium();
  kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'en-US' });
  consolePage = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  for (const [name, page] of Object.entries({ kiosk, phone, console: consolePage })) collectPageErrors(page, name, pageErrors);
  staff = await signInStaff(server);
  await staff.seat('hq-desk-1');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('an appointment in Chromium', () => {
  const walkIns: Record<string, { id: string; ticketNumber: string }> = {};
  let checkInCode = '';
  let bookedTicket = '';

  it('is booked on the phone page: reason, day, free time, name and email, then "check your email"', async () => {
    // Someone has been waiting 45 minutes when the booking is made.
    walkIns.early = await staff.checkIn('laptop-slow', { kind: 'guest', name: 'Early Walkin' });
    clock.at += 45 * minutes;

    await phone.goto(`${server.baseUrl}/visitor/?book=hq`);
    await phone.getByRole('heading', { name: /Book a visit to HQ Tech Bar/ }).waitFor();
    await expectNoSeriousAxeViolations(phone, 'booking page');
    // Steps are numbered as they appear: the day and the time only once a reason is chosen.
    expect(await phone.getByRole('group', { name: '2. Who are you?' }).count()).toBe(1);
    expect(await phone.locator('.visitor-brand').textContent()).toBe('IT walk-up desk');
    await phone.getByRole('radio', { name: "Won't start" }).check();
    await expect.poll(() => phone.getByRole('group', { name: '4. Who are you?' }).count()).toBe(1);
    expect(await phone.getByRole('group', { name: '3. What time?' }).count()).toBe(1);
    // Only leaves are choices: the group heading is no radio.
    expect(await phone.getByRole('radio', { name: 'Laptop', exact: true }).count()).toBe(0);
    const firstFree = phone.locator('input[name="slot"]:not([disabled])').first();
    await firstFree.waitFor();
    await firstFree.check();
    await phone.getByLabel('Your name').fill('Booked Person');
    await phone.getByLabel('Your work email').fill('booked.person@example.com');
    await phone.getByRole('button', { name: 'Email me the confirmation link' }).click();
    await phone.getByTestId('check-email').waitFor();
    expect(await phone.textContent('main')).toContain('booked.person@example.com');
    expect(mails.at(-1)?.to).toBe('booked.person@example.com');
  });

  it('is confirmed by opening the emailed link: time, reason, code large and as a QR, calendar file', async () => {
    await phone.goto(`${server.baseUrl}/visitor/?confirm=${linkToken('confirm')}`);
    await phone.getByRole('heading', { name: 'Your appointment is booked' }).waitFor();
    checkInCode = (await phone.getByTestId('check-in-code').textContent())!.trim();
    expect(checkInCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await phone.getByTestId('check-in-qr').getAttribute('data-link')).toBe(checkInCode);
    expect(await phone.getByTestId('appointment-when').textContent()).toMatch(/\d\d:\d\d/);
    await expectNoSeriousAxeViolations(phone, 'confirmation page');
    const ics = await phone.evaluate(async () => (await fetch(document.querySelector<HTMLAnchorElement>('a[download]')!.href)).text());
    expect(ics).toContain('BEGIN:VEVENT');
    // The used link was swapped for the manage link: a reload shows the booking, not an error.
    expect(phone.url()).toMatch(/\?appointment=/);
  });

  it('shows the manage page with its details and actions', async () => {
    await phone.getByRole('link', { name: 'Reschedule or cancel' }).click();
    await phone.getByRole('heading', { name: 'Your appointment' }).waitFor();
    expect(await phone.getByTestId('appointment-state').textContent()).toBe('Booked');
    await phone.locator('input[name="slot"]').first().waitFor();
    await expectNoSeriousAxeViolations(phone, 'manage page');

    // Moved to the next free time and back again: each move is confirmed in words.
    const when = (await phone.getByTestId('appointment-when').textContent())!;
    const free = phone.locator('input[name="slot"]:not([disabled])');
    await free.nth(0).waitFor();
    const booked = await phone.locator('input[name="slot"]').first().getAttribute('value');
    await free.nth(1).check();
    await phone.getByRole('button', { name: 'Move my appointment' }).click();
    await expect.poll(() => phone.getByTestId('manage-notice').textContent(), eventually).toMatch(/^Your appointment was moved to /);
    expect(await phone.getByTestId('appointment-when').textContent()).not.toBe(when);
    await phone.locator(`input[name="slot"][value="${booked}"]:not([disabled])`).check();
    await phone.getByRole('button', { name: 'Move my appointment' }).click();
    await expect.poll(() => phone.getByTestId('appointment-when').textContent(), eventually).toBe(when);

    // Cancelling asks first; "keep it" keeps it.
    await phone.getByRole('button', { name: 'Cancel my appointment' }).click();
    await phone.getByRole('button', { name: 'No, keep it' }).click();
    expect(await phone.getByTestId('appointment-state').textContent()).toBe('Booked');
  });

  it('is listed in the console’s Appointments tab as booked', async () => {
    await consolePage.goto(`${server.baseUrl}/console/`);
    await consolePage.getByLabel('Username').fill(server.access.technician.username);
    await consolePage.getByLabel('Password').fill(server.access.technician.password);
    await consolePage.getByRole('button', { name: 'Sign in' }).click();
    await consolePage.getByRole('navigation', { name: 'Console sections' }).getByRole('button', { name: 'Appointments', exact: true }).click();
    const row = consolePage.getByRole('row', { name: /Booked Person/ });
    await expect.poll(() => row.textContent(), eventually).toMatch(/\d\d:\d\d.*Booked Person.*Won't start.*Booked/);
    await expectNoSeriousAxeViolations(consolePage, 'console appointments tab');
  });

  it('checks in at the kiosk with the code and is called near the slot, walk-ins still served in order', async () => {
    walkIns.later = await staff.checkIn('laptop-slow', { kind: 'guest', name: 'Later Walkin' });
    // The server's clock stands still between moves: a minute apart, so walk-ins have an order of their own.
    clock.at += minutes;
    walkIns.latest = await staff.checkIn('laptop-slow', { kind: 'guest', name: 'Latest Walkin' });

    await kiosk.goto(server.deviceUrl('kiosk'));
    await kiosk.getByRole('textbox', { name: /scan your badge/i }).fill(checkInCode.toLowerCase().replace('-', ' '));
    await kiosk.getByRole('button', { name: 'Continue', exact: true }).click();
    await expect.poll(() => kiosk.getByTestId('ticket-appointment').textContent(), eventually).toMatch(/^Your appointment at \d\d:\d\d/);
    bookedTicket = (await kiosk.getByTestId('ticket-number').textContent())!;
    // The console follows live: the booking is now "Arrived".
    await expect.poll(() => consolePage.getByRole('row', { name: /Booked Person/ }).textContent(), eventually).toMatch(/Arrived/);

    // The walk-in waiting for 45 minutes goes first; the booked visitor next, ahead of those who just came.
    const calls: string[] = [];
    for (let i = 0; i < 4; i++) {
      const called = await staff.callNext('hq-desk-1');
      calls.push(called.ticketNumber);
      await staff.act(called.id, 'resolve', { note: 'done' });
    }
    expect(calls).toEqual([walkIns.early!.ticketNumber, bookedTicket, walkIns.later!.ticketNumber, walkIns.latest!.ticketNumber]);
  });

  it('books for someone from the console, shows the code, and cancels it', async () => {
    await consolePage.getByLabel('Reason').selectOption({ label: 'Slow or crashing' });
    const firstTime = consolePage.getByLabel('Time').locator('option:not([disabled]):not([value=""])').first();
    await firstTime.waitFor({ state: 'attached' });
    await consolePage.getByLabel('Time').selectOption((await firstTime.getAttribute('value'))!);
    await consolePage.getByLabel('Name', { exact: true }).fill('Phone Caller');
    await consolePage.getByLabel('or employee id').fill('E1002');
    await consolePage.getByRole('button', { name: 'Book', exact: true }).click();
    await expect.poll(() => consolePage.getByTestId('booked-code').textContent(), eventually).toMatch(/^Booked for Phone Caller at \d\d:\d\d\. Check-in code: [A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const row = consolePage.getByRole('row', { name: /Phone Caller/ });
    await expect.poll(() => row.textContent(), eventually).toMatch(/Booked/);
    consolePage.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => row.textContent(), eventually).toMatch(/Cancelled/);
    expect(pageErrors).toEqual([]);
  });
});
