import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium } from './helpers/chromium.ts';
import { signInStaff } from './helpers/staff-api.ts';
import { startWalkupServer, type WalkupServer } from './helpers/walkup-server.ts';

/**
 * A visitor's phone (a small touch viewport) following their own ticket: opened from the kiosk's QR
 * code, live as others are called, sent to the desk, then closed when the visit ends.
 */
let server: WalkupServer;
let browser: Browser;
let kiosk: Page;
let phone: Page;
let staff: Awaited<ReturnType<typeof signInStaff>>;
const pageErrors: string[] = [];
const eventually = { timeout: 10_000, interval: 100 };

async function feedbackEvents(visitId: string) {
  const rows = await server.db.selectFrom('events').select('data').where('visit_id', '=', visitId).where('type', '=', 'visit.feedback_given').execute();
  return rows.map((row) => JSON.parse(row.data) as unknown);
}

beforeAll(async () => {
  server = await startWalkupServer();
  browser = await launchChromium();
  kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'en-US' });
  for (const [name, page] of Object.entries({ kiosk, phone })) collectPageErrors(page, name, pageErrors);
  staff = await signInStaff(server);
  await staff.seat('hq-desk-1');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the visitor’s phone page in Chromium', () => {
  const visits: Record<string, { id: string; ticketNumber: string }> = {};

  it('opens from the QR code of the kiosk ticket and shows the live ticket', async () => {
    // Two people are already waiting for hardware.
    visits.first = await staff.checkIn('laptop-no-boot', { kind: 'guest', name: 'First Visitor' });
    visits.second = await staff.checkIn('laptop-slow', { kind: 'guest', name: 'Second Visitor' });

    await kiosk.goto(server.deviceUrl('kiosk'));
    await kiosk.getByRole('textbox', { name: /scan your badge/i }).fill('marie.dupont@example.com');
    await kiosk.getByRole('button', { name: 'Continue', exact: true }).click();
    await kiosk.getByRole('button', { name: 'Laptop' }).click();
    await kiosk.getByRole('button', { name: "Won't start" }).click();
    await kiosk.getByRole('button', { name: 'Confirm' }).click();
    const ticketNumber = (await kiosk.getByTestId('ticket-number').textContent())!;
    // Someone arrives after this visitor.
    visits.fourth = await staff.checkIn('laptop-slow', { kind: 'guest', name: 'Fourth Visitor' });
    const qr = kiosk.getByRole('img', { name: /QR code/ });
    const link = (await qr.getAttribute('data-link'))!;
    expect(link).toMatch(new RegExp(`^${server.baseUrl}/visitor/ticket#[A-Za-z0-9_-]{43}$`));
    // A real QR code of that link: modules drawn in one SVG path.
    expect(((await qr.locator('path').getAttribute('d')) ?? '').length).toBeGreaterThan(500);

    await phone.goto(link);
    await expect.poll(() => phone.getByTestId('ticket-number').textContent(), eventually).toBe(ticketNumber);
    await expect.poll(() => phone.getByTestId('position').textContent(), eventually).toBe('No. 3');
    await expect.poll(() => phone.getByTestId('estimate').textContent(), eventually).toMatch(/^about \d+ min/);
    await phone.screenshot({ path: 'docs/screenshots/visitor-waiting.png' });
  });

  it('moves up as the people ahead are called', async () => {
    const called = await staff.callNext('hq-desk-1');
    expect(called.ticketNumber).toBe(visits.first!.ticketNumber);
    await expect.poll(() => phone.getByTestId('position').textContent(), eventually).toBe('No. 2');
    await staff.act(visits.first!.id, 'resolve', { note: 'done' });
    await staff.callNext('hq-desk-1');
    await expect.poll(() => phone.getByTestId('position').textContent(), eventually).toBe('You are next');
  });

  it('"10 more minutes" keeps the place: the next person is called meanwhile, then "I’m back"', async () => {
    await phone.getByRole('button', { name: 'I need 10 more minutes' }).click();
    await expect.poll(() => phone.getByTestId('away').textContent(), eventually).toMatch(/^Away until \d\d:\d\d/);
    await phone.screenshot({ path: 'docs/screenshots/visitor-away.png' });
    await staff.act(visits.second!.id, 'resolve', { note: 'done' });
    const skippedTo = await staff.callNext('hq-desk-1');
    expect(skippedTo.ticketNumber).toBe(visits.fourth!.ticketNumber);
    await staff.act(visits.fourth!.id, 'resolve', { note: 'done' });
    // Still first in line, still away.
    expect(await phone.getByTestId('position').textContent()).toBe('You are next');
    await phone.getByRole('button', { name: 'I’m back' }).click();
    await expect.poll(() => phone.getByTestId('away').count(), eventually).toBe(0);
  });

  it('shows the desk when called', async () => {
    const mine = await staff.callNext('hq-desk-1');
    visits.mine = mine;
    await expect.poll(() => phone.getByTestId('called').textContent(), eventually).toContain('Please go to Desk 1');
    await phone.screenshot({ path: 'docs/screenshots/visitor-called.png' });
  });

  it('says the visit is over once resolved, and records the feedback tap once', async () => {
    await staff.act(visits.mine!.id, 'resolve', { note: 'Replaced the charger' });
    await expect.poll(() => phone.getByTestId('ended').textContent(), eventually).toContain('Your visit is complete');
    await phone.getByLabel('Anything to add? (optional)').fill('Fast, thank you');
    await phone.screenshot({ path: 'docs/screenshots/visitor-feedback.png' });
    await phone.getByRole('button', { name: 'Great' }).click();
    await expect.poll(() => phone.getByTestId('feedback-thanks').count(), eventually).toBe(1);
    const checked = phone.waitForResponse((response) => response.url().endsWith('/api/visitor/feedback'));
    await phone.reload();
    expect((await (await checked).json()).open).toBe(false);
    await expect.poll(() => phone.getByTestId('ended').textContent(), eventually).toContain('This visit is over');
    expect(await phone.getByTestId('ticket-number').count()).toBe(0);
    // Opened again: the faces are not offered a second time.
    expect(await phone.getByRole('button', { name: 'Great' }).count()).toBe(0);
    expect(await feedbackEvents(visits.mine!.id)).toEqual([{ score: 3, comment: 'Fast, thank you', technicianId: 'tech-alex', categoryId: 'laptop-no-boot' }]);
    expect(pageErrors).toEqual([]);
  });
});
