import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useBrowserSession } from './helpers/browser-session.ts';
import { collectPageErrors } from './helpers/chromium.ts';

/**
 * How visitors identify at the kiosk, in a landscape window this time: a keyboard-wedge badge reader
 * "types" into whatever has focus, so the scan must land without anyone touching the screen. The
 * server tells a badge from an employee id or an email by looking it up, not by typing speed.
 */
const session = useBrowserSession();
let kiosk: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  kiosk = await session.browser.newPage({ viewport: { width: 1920, height: 1080 } });
  collectPageErrors(kiosk, 'kiosk', pageErrors);
});

beforeEach(async () => {
  await kiosk.goto(session.server.deviceUrl('kiosk'));
  await kiosk.getByRole('button', { name: 'Continue as guest' }).waitFor();
  // The scan must land in the field without anyone touching the screen.
  await expect.poll(() => kiosk.evaluate(() => document.activeElement?.id)).toBe('identify-input');
});

/** Types into the start field and waits for the server's answer to the identify request. */
async function enter(text: string, delay = 0) {
  await kiosk.keyboard.type(text, { delay });
  const answer = kiosk.waitForResponse((response) => response.url().endsWith('/identify'));
  await kiosk.keyboard.press('Enter');
  return answer;
}

/** Checks in whoever is identified, for the first hardware choice, and returns the ticket number. */
async function checkInForLaptop(): Promise<string> {
  await kiosk.getByRole('button', { name: 'Laptop', exact: true }).click();
  await kiosk.getByRole('button', { name: "Won't start" }).click();
  await kiosk.getByRole('button', { name: 'Confirm' }).click();
  await expect.poll(() => kiosk.getByTestId('ticket-number').textContent()).toMatch(/^H-\d{3}$/);
  return (await kiosk.getByTestId('ticket-number').textContent()) ?? '';
}

describe('kiosk identification', () => {
  it('keeps its device token but takes it off the address bar', async () => {
    expect(new URL(kiosk.url()).searchParams.has('pair')).toBe(false);
    await kiosk.goto(`${session.server.baseUrl}/kiosk/`);
    await kiosk.getByRole('button', { name: 'Continue as guest' }).waitFor();
  });

  it('greets a badge scan by first name and never receives the directory record, even after a tap elsewhere', async () => {
    await kiosk.mouse.click(5, 500);
    const answer = await enter('0004411003');
    await kiosk.getByText('Hello Aïcha!').waitFor();
    expect(await answer.json()).toEqual({ kind: 'badge', displayName: 'Aïcha' });
    expect(await kiosk.content()).not.toContain('Benali');
    expect(pageErrors).toEqual([]);
  });

  it("finds the README's badge typed slowly by hand, and an employee id typed fast", async () => {
    await enter('0004411001', 120);
    await kiosk.getByText('Hello Marie!').waitFor();
    await kiosk.getByRole('button', { name: 'Back' }).click();
    await enter('E1002');
    await kiosk.getByText('Hello John!').waitFor();
  });

  it('says an unknown identifier is unknown and offers the guest path, never taking the number as a name', async () => {
    await enter('9999999999');
    await kiosk.getByRole('alert').filter({ hasText: 'We could not find that badge, employee ID or email' }).waitFor();
    expect(await kiosk.getByRole('heading', { name: /scan your badge/i }).isVisible()).toBe(true);
    expect(await kiosk.getByText('What do you need help with?').count()).toBe(0);
    await kiosk.getByRole('button', { name: 'Continue as guest' }).click();
    await kiosk.getByRole('textbox', { name: 'Your first name' }).waitFor();
  });

  it('shows the ticket of someone already in the queue instead of an error, and how to cancel it', async () => {
    await enter('0004411004');
    const first = await checkInForLaptop();
    await kiosk.getByRole('button', { name: 'Done' }).click();

    await enter('lukas.weber@example.com');
    await kiosk.getByRole('button', { name: 'Laptop', exact: true }).click();
    await kiosk.getByRole('button', { name: "Won't start" }).click();
    await kiosk.getByRole('button', { name: 'Confirm' }).click();
    await kiosk.getByRole('heading', { name: 'You are already in the queue' }).waitFor();
    expect(await kiosk.getByTestId('ticket-number').textContent()).toBe(first);
    await kiosk.getByText(`Tell a technician at the desk: they will cancel ticket ${first}.`).waitFor();
    expect(await kiosk.getByText('Something went wrong').count()).toBe(0);
  });

  it('lets the visitor cancel the ticket just printed, on the ticket screen', async () => {
    await kiosk.getByRole('button', { name: 'Continue as guest' }).click();
    await kiosk.getByRole('textbox', { name: 'Your first name' }).fill('Noé');
    await kiosk.keyboard.press('Enter');
    const ticket = await checkInForLaptop();
    await kiosk.getByRole('button', { name: 'Cancel this ticket' }).click();
    await kiosk.getByRole('heading', { name: `Ticket ${ticket} is cancelled. Have a nice day!` }).waitFor();
    const state = await session.server.app.inject({ url: '/api/sites/hq/state', headers: { authorization: `Bearer ${session.server.access.kioskToken}` } });
    expect(state.json().view.visits.map((visit: { ticketNumber: string }) => visit.ticketNumber)).not.toContain(ticket);
  });

  it('switches to French and back to the default language after a visit', async () => {
    await kiosk.getByRole('button', { name: 'Français' }).click();
    await expect.poll(() => kiosk.evaluate(() => document.documentElement.lang)).toBe('fr');
    await kiosk.getByRole('button', { name: 'Continuer en tant qu’invité' }).click();
    await kiosk.getByRole('textbox', { name: 'Votre prénom' }).fill('Léa');
    await kiosk.keyboard.press('Enter');
    await kiosk.getByRole('button', { name: 'Wi-Fi et VPN' }).click();
    await kiosk.getByRole('button', { name: 'VPN' }).click();
    await kiosk.getByRole('button', { name: 'Confirmer' }).click();
    await expect.poll(() => kiosk.getByTestId('ticket-number').textContent()).toMatch(/^S-\d{3}$/);
    // In French: the wait, or (nobody serves software in the demo until someone sits down) that no
    // technician is there for it right now.
    await kiosk.getByText(/Attente estimée|Aucun technicien/).first().waitFor();
    await kiosk.getByRole('button', { name: 'Terminé' }).click();
    await kiosk.getByRole('button', { name: 'Continue as guest' }).waitFor();
    await expect.poll(() => kiosk.evaluate(() => document.documentElement.lang)).toBe('en');
  });
});
