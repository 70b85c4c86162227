import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium } from './helpers/chromium.ts';
import { startWalkupServer, type WalkupServer } from './helpers/walkup-server.ts';

/**
 * How visitors identify at the kiosk, in a landscape window this time: a keyboard-wedge badge reader
 * "types" into whatever has focus, so the scan must land without anyone touching the screen.
 */
let server: WalkupServer;
let browser: Browser;
let kiosk: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await startWalkupServer();
  browser = await launchChromium();
  kiosk = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  collectPageErrors(kiosk, 'kiosk', pageErrors);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  await kiosk.goto(server.deviceUrl('kiosk'));
  await kiosk.getByRole('button', { name: 'Continue as guest' }).waitFor();
});

describe('kiosk identification', () => {
  it('keeps its device token but takes it off the address bar', async () => {
    expect(new URL(kiosk.url()).searchParams.has('pair')).toBe(false);
    await kiosk.goto(`${server.baseUrl}/kiosk/`);
    await kiosk.getByRole('button', { name: 'Continue as guest' }).waitFor();
  });

  it('recognises a badge scan typed in a burst, even after a tap elsewhere', async () => {
    await kiosk.mouse.click(5, 500);
    await kiosk.keyboard.type('0004411003');
    await kiosk.keyboard.press('Enter');
    await kiosk.getByText('Hello Aïcha Benali!').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('asks for an email when a badge is unknown', async () => {
    await kiosk.keyboard.type('9999999999');
    await kiosk.keyboard.press('Enter');
    await kiosk.getByRole('alert').filter({ hasText: 'Badge not recognised' }).waitFor();
    expect(await kiosk.getByRole('heading', { name: /scan your badge/i }).isVisible()).toBe(true);
  });

  it('takes an employee id typed by hand, and carries on with an unknown one', async () => {
    await kiosk.keyboard.type('E1002', { delay: 120 });
    await kiosk.keyboard.press('Enter');
    await kiosk.getByText('Hello John Smith!').waitFor();

    await kiosk.getByRole('button', { name: 'Back' }).click();
    await kiosk.keyboard.type('E7777', { delay: 120 });
    await kiosk.keyboard.press('Enter');
    await kiosk.getByText('What do you need help with?').waitFor();
  });

  it('switches to French and back to the default language after a visit', async () => {
    await kiosk.getByRole('button', { name: 'Français' }).click();
    await kiosk.getByRole('button', { name: 'Continuer en tant qu’invité' }).click();
    await kiosk.getByRole('textbox', { name: 'Votre prénom' }).fill('Léa');
    await kiosk.keyboard.press('Enter');
    await kiosk.getByRole('button', { name: 'Wi-Fi et VPN' }).click();
    await kiosk.getByRole('button', { name: 'VPN' }).click();
    await kiosk.getByRole('button', { name: 'Confirmer' }).click();
    await expect.poll(() => kiosk.getByTestId('ticket-number').textContent()).toMatch(/^S-\d{3}$/);
    await kiosk.getByText(/Attente estimée/).waitFor();
    await kiosk.getByRole('button', { name: 'Terminé' }).click();
    await kiosk.getByRole('button', { name: 'Continue as guest' }).waitFor();
  });
});
