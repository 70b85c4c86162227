import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations } from './helpers/axe.ts';
import { useBrowserSession } from './helpers/browser-session.ts';
import { collectPageErrors } from './helpers/chromium.ts';
import { startWalkupServer } from './helpers/walkup-server.ts';

/**
 * Every screen state of the kiosk by keyboard and through axe-core: each screen takes the focus on
 * arrival, Tab reaches every control, `<html lang>` follows the language, and no serious violations.
 */
const session = useBrowserSession();
let kiosk: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  kiosk = await session.browser.newPage({ viewport: { width: 1080, height: 1920 } });
  collectPageErrors(kiosk, 'kiosk', pageErrors);
});

const focused = () => kiosk.evaluate(() => ({ tag: document.activeElement?.tagName, text: document.activeElement?.textContent?.trim() }));
const documentLanguage = () => kiosk.evaluate(() => document.documentElement.lang);
/** Where the focus lands once the screen has rendered. */
const expectFocus = (expected: { tag: string; text?: string }) => expect.poll(focused).toMatchObject(expected);

describe('kiosk by keyboard and screen reader', () => {
  it('walks every screen state by keyboard alone, each clean for axe', async () => {
    await kiosk.goto(session.server.deviceUrl('kiosk'));
    await kiosk.getByRole('button', { name: 'Continue as guest' }).waitFor();
    await expectFocus({ tag: 'INPUT' });
    await expectNoSeriousAxeViolations(kiosk, 'kiosk start');

    // Tab leaves the field for the buttons instead of being pulled back into it.
    await kiosk.keyboard.press('Tab');
    await expectFocus({ tag: 'BUTTON', text: 'Continue' });
    await kiosk.keyboard.press('Tab');
    await expectFocus({ tag: 'BUTTON', text: 'Continue as guest' });
    // Yet a scan that starts while a button has the focus still lands in the field.
    await kiosk.keyboard.type('9999999999');
    await kiosk.keyboard.press('Enter');
    await kiosk.getByRole('alert').filter({ hasText: 'We could not find' }).waitFor();
    await expectNoSeriousAxeViolations(kiosk, 'kiosk start with an unknown identifier');

    // Back from the field to the language switch, and the document's language follows.
    await kiosk.getByLabel('Scan your badge, or type your email or employee ID').focus();
    await kiosk.keyboard.press('Shift+Tab');
    await expectFocus({ tag: 'BUTTON', text: 'Français' });
    await kiosk.keyboard.press('Enter');
    // The document's language is set by an effect after the render: wait for it rather than race it.
    await expect.poll(documentLanguage).toBe('fr');
    await expectNoSeriousAxeViolations(kiosk, 'kiosk start in French');
    await kiosk.keyboard.press('Shift+Tab');
    await expectFocus({ tag: 'BUTTON', text: 'English' });
    await kiosk.keyboard.press('Enter');
    await expect.poll(documentLanguage).toBe('en');

    await kiosk.getByRole('button', { name: 'Continue as guest' }).focus();
    await kiosk.keyboard.press('Enter');
    await expectFocus({ tag: 'INPUT' });
    await expectNoSeriousAxeViolations(kiosk, 'kiosk guest');
    await kiosk.keyboard.type('Ada');
    await kiosk.keyboard.press('Enter');

    await kiosk.getByText('Hello Ada!').waitFor();
    await expectFocus({ tag: 'H2', text: 'What do you need help with?' });
    await expectNoSeriousAxeViolations(kiosk, 'kiosk categories');
    await kiosk.keyboard.press('Tab');
    await kiosk.keyboard.press('Enter');
    await expectFocus({ tag: 'H2', text: 'Which one fits best?' });
    await expectNoSeriousAxeViolations(kiosk, 'kiosk sub-categories');
    await kiosk.keyboard.press('Tab');
    await kiosk.keyboard.press('Enter');
    await kiosk.getByRole('button', { name: 'Confirm' }).waitFor();
    await expectFocus({ tag: 'H2' });
    await expectNoSeriousAxeViolations(kiosk, 'kiosk confirm');
    await kiosk.getByRole('button', { name: 'Confirm' }).focus();
    await kiosk.keyboard.press('Enter');

    await kiosk.getByTestId('ticket-number').waitFor();
    await expectFocus({ tag: 'H2', text: 'Your ticket number' });
    await expectNoSeriousAxeViolations(kiosk, 'kiosk ticket');
    expect(pageErrors).toEqual([]);
  });

  it('fits the ticket screen, buttons included, on landscape and portrait kiosks without scrolling', async () => {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 1024, height: 768 }, { width: 1920, height: 1080 }, { width: 1080, height: 1920 }]) {
      const page = await session.browser.newPage({ viewport });
      await page.goto(session.server.deviceUrl('kiosk'));
      await page.getByRole('button', { name: 'Continue as guest' }).click();
      await page.getByRole('textbox').first().fill('Fitz');
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      await page.getByRole('button', { name: 'Software', exact: true }).click();
      await page.getByRole('button', { name: 'Install an app' }).click();
      await page.getByRole('button', { name: 'Confirm' }).click();
      await page.getByTestId('ticket-qr').waitFor();
      const size = `${viewport.width}x${viewport.height}`;
      // What is below the fold of a kiosk is not there: nobody scrolls a touchscreen they walk up to.
      expect(await page.evaluate(() => document.documentElement.scrollHeight), size).toBeLessThanOrEqual(viewport.height);
      for (const name of ['Done', 'Cancel this ticket']) {
        const box = (await page.getByRole('button', { name }).boundingBox())!;
        expect(box.y + box.height, `${name} at ${size}`).toBeLessThanOrEqual(viewport.height);
      }
      await page.getByRole('button', { name: 'Cancel this ticket' }).click();
      await page.close();
    }
  });

  it('shows the already-queued screen cleanly', async () => {
    await kiosk.goto(session.server.deviceUrl('kiosk'));
    for (let attempt = 0; attempt < 2; attempt++) {
      await kiosk.getByRole('button', { name: 'Continue as guest' }).waitFor();
      await expectFocus({ tag: 'INPUT' });
      await kiosk.keyboard.type('E1001');
      await kiosk.keyboard.press('Enter');
      await kiosk.getByRole('button', { name: 'Software', exact: true }).click();
      await kiosk.getByRole('button', { name: 'Install an app' }).click();
      await kiosk.getByRole('button', { name: 'Confirm' }).click();
      if (attempt === 0) await kiosk.getByRole('button', { name: 'Done' }).click();
    }
    await kiosk.getByRole('heading', { name: 'You are already in the queue' }).waitFor();
    await expectFocus({ tag: 'H2', text: 'You are already in the queue' });
    await expectNoSeriousAxeViolations(kiosk, 'kiosk already in the queue');
  });

  it('shows an unpaired kiosk its pairing form, never an outage, however long it waits', async () => {
    const fresh = await session.browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await fresh.clock.install();
    await fresh.goto(`${session.server.baseUrl}/kiosk/`);
    await fresh.getByRole('heading', { name: 'Pair this kiosk' }).waitFor();
    await fresh.clock.runFor(30_000);
    await fresh.getByRole('heading', { name: 'Pair this kiosk' }).waitFor();
    expect(await fresh.getByText(/connection/i).count()).toBe(0);
    await expectNoSeriousAxeViolations(fresh, 'kiosk pairing');
    await fresh.close();
  });
});

describe('kiosk when the desk is closed or the server is down', () => {
  it('shows the closed screen with its heading focused', async () => {
    const closed = await startWalkupServer({ prepare: (db) => db.updateTable('sites').set({ opening_hours: '{}' }).execute().then(() => undefined) });
    const page = await session.browser.newPage({ viewport: { width: 1080, height: 1920 } });
    try {
      await page.goto(closed.deviceUrl('kiosk'));
      await page.getByRole('heading', { name: 'The IT desk is closed' }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('The IT desk is closed');
      await expectNoSeriousAxeViolations(page, 'kiosk closed');
    } finally {
      await page.close();
      await closed.close();
    }
  });

  it('says the system cannot be reached before the visitor starts, and in words when they try', async () => {
    const doomed = await startWalkupServer();
    const page = await session.browser.newPage({ viewport: { width: 1080, height: 1920 } });
    try {
      await page.goto(doomed.deviceUrl('kiosk'));
      await page.getByRole('button', { name: 'Continue as guest' }).waitFor();
      await doomed.app.close();
      await page.getByText('No connection to the IT desk system. Reconnecting…', { exact: false }).waitFor({ timeout: 15_000 });
      await expectNoSeriousAxeViolations(page, 'kiosk outage');
      await page.keyboard.type('0004411001');
      await page.keyboard.press('Enter');
      await page.getByRole('alert').filter({ hasText: 'The IT desk system cannot be reached right now' }).waitFor();
      expect(await page.getByText(/Failed to fetch|Something went wrong/).count()).toBe(0);
      await expectNoSeriousAxeViolations(page, 'kiosk outage error');
    } finally {
      await page.close();
      await doomed.close();
    }
  });
});
