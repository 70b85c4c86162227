import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations } from './helpers/axe.ts';
import { useBrowserSession } from './helpers/browser-session.ts';
import { collectPageErrors } from './helpers/chromium.ts';

/**
 * The technician's console and the wall display through axe-core and the keyboard, on a site with no
 * ITSM connected: what a newcomer meets on the first day.
 */
const session = useBrowserSession();
let consolePage: Page;
const pageErrors: string[] = [];
const eventually = { timeout: 10_000, interval: 100 };
// One unbreakable word, as long as the API allows (80 characters): nothing lets the cell wrap it.
const longName = `Maximilian${'Wolfeschlegelsteinhausenbergerdorff'.repeat(2)}`;

beforeAll(async () => {
  consolePage = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
  collectPageErrors(consolePage, 'console', pageErrors);
});

function checkInGuest(name: string) {
  return session.server.app.inject({
    method: 'POST',
    url: `/api/sites/${session.server.access.siteId}/visits`,
    headers: { authorization: `Bearer ${session.server.access.kioskToken}` },
    payload: { categoryId: 'laptop-no-boot', visitor: { kind: 'guest', name } },
  });
}

const toasts = () => consolePage.getByTestId('toast').allTextContents();

describe('console by keyboard and screen reader', () => {
  it('signs in and opens a desk cleanly, telling how to become available before asking for N', async () => {
    await consolePage.goto(`${session.server.baseUrl}/console/`);
    await consolePage.getByLabel('Username').waitFor();
    await expectNoSeriousAxeViolations(consolePage, 'console sign-in');
    await consolePage.getByLabel('Username').fill(session.server.access.technician.username);
    await consolePage.getByLabel('Password').fill(session.server.access.technician.password);
    await consolePage.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => consolePage.getByLabel('Technician').inputValue(), eventually).toBe('tech-alex');
    await expectNoSeriousAxeViolations(consolePage, 'console setup');
    await consolePage.getByLabel('Desk').selectOption('hq-desk-3');
    await consolePage.getByRole('button', { name: 'Open my console' }).click();

    await consolePage.getByText('Nobody at your desk.').waitFor();
    expect(await consolePage.getByRole('radio', { name: 'Off' }).getAttribute('aria-checked')).toBe('true');
    expect(await consolePage.getByText('Press N').count()).toBe(0);
    await consolePage.getByText('choose Available under “My status” (or press A)').waitFor();
    await expectNoSeriousAxeViolations(consolePage, 'console desk, off');

    await consolePage.keyboard.press('a');
    await expect.poll(() => consolePage.getByRole('radio', { name: 'Available' }).getAttribute('aria-checked'), eventually).toBe('true');
    await consolePage.getByText('Press N to call the next visitor.').waitFor();
  });

  it('lists every shortcut, and recall, no-show and transfer work from the keyboard', async () => {
    const legend = consolePage.getByRole('region', { name: 'Keyboard shortcuts' });
    for (const text of ['call the visitor again', 'no-show (after the grace period)', 'transfer to another queue']) await legend.getByText(text).waitFor();

    const ticket = (await checkInGuest('Recall Me')).json().ticketNumber as string;
    await consolePage.getByTestId('waiting-row').filter({ hasText: ticket }).waitFor();
    await consolePage.keyboard.press('n');
    await expect.poll(() => consolePage.getByTestId('current-ticket').textContent(), eventually).toBe(ticket);
    await expectNoSeriousAxeViolations(consolePage, 'console with a called visitor');

    const callCount = async () => {
      const state = await session.server.app.inject({ url: `/api/sites/${session.server.access.siteId}/state`, headers: { authorization: `Bearer ${session.server.access.kioskToken}` } });
      return state.json().view.visits.find((visit: { ticketNumber: string }) => visit.ticketNumber === ticket)?.callCount;
    };
    expect(await callCount()).toBe(1);
    await consolePage.keyboard.press('c');
    await expect.poll(callCount, eventually).toBe(2);

    // The grace period has not passed: the server's reason shows, which proves X asked for a no-show.
    await consolePage.keyboard.press('x');
    await expect.poll(toasts, eventually).toContainEqual(expect.stringContaining('before marking a no-show'));

    await consolePage.keyboard.press('t');
    expect(await consolePage.evaluate(() => document.activeElement?.id)).toBe('transfer-queue');
    await consolePage.keyboard.press('Escape');
    await consolePage.getByLabel('Transfer to queue').selectOption({ index: 0 });
    await consolePage.getByRole('button', { name: 'Transfer', exact: true }).click();
    await consolePage.getByText('Nobody at your desk.').waitFor();
  });

  it('keeps the Call button in view next to a very long name, and shows no ITSM column without an ITSM', async () => {
    const ticket = (await checkInGuest(longName)).json().ticketNumber as string;
    const row = consolePage.getByTestId('waiting-row').filter({ hasText: ticket });
    await row.waitFor();
    const panel = (await consolePage.getByRole('region', { name: 'Waiting in my queues' }).boundingBox())!;
    const call = (await row.getByRole('button', { name: `Call ${ticket} to my desk` }).boundingBox())!;
    expect(call.x + call.width).toBeLessThanOrEqual(panel.x + panel.width);
    expect(await row.locator('[title]').getAttribute('title')).toBe(longName);

    expect(await consolePage.getByText('no ticket yet').count()).toBe(0);
    expect(await consolePage.getByRole('columnheader', { name: 'ITSM' }).count()).toBe(0);
    await expectNoSeriousAxeViolations(consolePage, 'console waiting list');
  });

  it('says in words that the server cannot be reached, never "Failed to fetch"', async () => {
    await consolePage.route('**/api/**', (route) => route.abort('connectionrefused'));
    try {
      // Shortcuts sleep while a field has the focus (the transfer form's queue choice had it last):
      // the technician's hands are off the form here, as they would be.
      await consolePage.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await consolePage.keyboard.press('n');
      await expect.poll(toasts, eventually).toContainEqual(expect.stringContaining('The walkup server cannot be reached'));
      expect((await toasts()).join(' ')).not.toMatch(/Failed to fetch|TypeError/);
    } finally {
      await consolePage.unroute('**/api/**');
    }
  });

  it('follows the chosen language in <html lang>, and the ITSM tab is clean', async () => {
    // <html lang> is set by an effect after the render: wait for it rather than race it.
    const documentLanguage = () => consolePage.evaluate(() => document.documentElement.lang);
    await consolePage.getByRole('button', { name: 'Français' }).click();
    await expect.poll(documentLanguage).toBe('fr');
    await consolePage.getByRole('button', { name: 'English' }).click();
    await expect.poll(documentLanguage).toBe('en');
    await consolePage.getByRole('navigation', { name: 'Console sections' }).getByRole('button', { name: 'ITSM', exact: true }).click();
    await consolePage.getByRole('heading', { level: 2 }).first().waitFor();
    await expectNoSeriousAxeViolations(consolePage, 'console ITSM tab');
    expect(pageErrors).toEqual([]);
  });

  it('has a clean admin tab for an admin', async () => {
    const admin = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await admin.goto(`${session.server.baseUrl}/console/`);
    await admin.getByLabel('Username').fill(session.server.access.admin.username);
    await admin.getByLabel('Password').fill(session.server.access.admin.password);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByRole('navigation', { name: 'Console sections' }).getByRole('button', { name: 'Admin', exact: true }).click();
    await admin.getByLabel('Kind of device').waitFor();
    await expectNoSeriousAxeViolations(admin, 'console admin tab');
    await admin.close();
  });
});

describe('wall display', () => {
  it('is clean for axe, with its landmarks', async () => {
    const display = await session.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await display.goto(session.server.deviceUrl('display'));
    await display.getByTestId('queue-card-hq-hardware').waitFor();
    await expectNoSeriousAxeViolations(display, 'display');
    expect(await display.getByRole('banner').count()).toBe(1);
    await display.close();
  });
});
