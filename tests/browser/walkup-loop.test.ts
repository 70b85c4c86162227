import { setupServer } from 'msw/node';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceNowMock } from '../msw/servicenow.ts';
import { collectPageErrors, launchChromium } from './helpers/chromium.ts';
import { serviceNowAdapterFor, startWalkupServer, type WalkupServer } from './helpers/walkup-server.ts';
import { openDeskConsole } from './helpers/console-sign-in.ts';

/**
 * The whole walk-up loop through real screens: a visitor checks in on the kiosk, the wall display
 * counts them, a technician calls and resolves them on the console, the display shows where to go,
 * and ServiceNow ends up with exactly one incident, resolved once.
 */
const serviceNow = createServiceNowMock();
const msw = setupServer(...serviceNow.handlers);

let server: WalkupServer;
let browser: Browser;
let kiosk: Page;
let display: Page;
let consolePage: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  // Only the server's outgoing ITSM calls are intercepted; the browser talks to it over real sockets.
  msw.listen({ onUnhandledRequest: 'error' });
  const adapter = serviceNowAdapterFor(serviceNow);
  server = await startWalkupServer({ itsmAdapterFor: () => adapter });
  browser = await launchChromium();
  kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  display = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  consolePage = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  for (const [name, page] of Object.entries({ kiosk, display, console: consolePage })) collectPageErrors(page, name, pageErrors);
  // Headless Chromium has no voices: record what the display asks to say instead.
  await display.addInitScript(() => {
    const spoken: string[] = [];
    Object.assign(window, { spoken });
    Object.defineProperty(window, 'speechSynthesis', {
      value: { speak: (utterance: SpeechSynthesisUtterance) => spoken.push(utterance.text), getVoices: () => [] },
    });
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  msw.close();
});

/** Live updates cross a websocket and a render: give them time on a slow CI machine. */
const eventually = { timeout: 10_000, interval: 100 };
const hardwareCard = () => display.getByTestId('queue-card-hq-hardware');

describe('walk-up loop in Chromium', () => {
  let ticket = '';

  it('checks a visitor in on the kiosk and the display counts them', async () => {
    await display.goto(server.deviceUrl('display'));
    await expect.poll(() => hardwareCard().getByTestId('queue-waiting-count').textContent(), eventually).toBe('0 waiting');

    await kiosk.goto(server.deviceUrl('kiosk'));
    await kiosk.getByRole('textbox', { name: /scan your badge/i }).fill('marie.dupont@example.com');
    await kiosk.getByRole('button', { name: 'Continue', exact: true }).click();
    await kiosk.getByText('Hello Marie!').waitFor();
    await kiosk.getByRole('button', { name: 'Laptop' }).click();
    await kiosk.getByRole('button', { name: "Won't start" }).click();
    await kiosk.getByRole('textbox', { name: /describe/i }).fill('Black screen after the update');
    await kiosk.getByRole('button', { name: 'Confirm' }).click();

    ticket = (await kiosk.getByTestId('ticket-number').textContent()) ?? '';
    expect(ticket).toMatch(/^H-\d{3}$/);
    await expect.poll(() => hardwareCard().getByTestId('queue-waiting-count').textContent(), eventually).toBe('1 waiting');
  });

  it('calls the visitor from the console and the display sends them to the desk', async () => {
    await openDeskConsole(consolePage, server, 'hq-desk-3');
    await consolePage.getByRole('radio', { name: 'Available' }).click();
    await expect.poll(() => consolePage.getByRole('radio', { name: 'Available' }).getAttribute('aria-checked'), eventually).toBe('true');

    // The waiting list shows who is there, with their ServiceNow incident once it is created.
    const row = consolePage.getByTestId('waiting-row').filter({ hasText: ticket });
    await expect.poll(() => row.textContent(), eventually).toContain('Marie Dupont');
    await expect.poll(() => row.getByTestId('itsm-status').textContent(), { timeout: 15_000 }).toMatch(/INC\d+ \(synced\)/);

    await consolePage.keyboard.press('n');
    await expect.poll(() => consolePage.getByTestId('current-ticket').textContent(), eventually).toBe(ticket);

    const latest = display.getByTestId('now-serving-row').first();
    await expect.poll(() => latest.textContent(), eventually).toBe(`${ticket}Desk 3`);
    const spelled = ticket.replace('-', '').split('').join(' ');
    await expect.poll(() => display.evaluate(() => (window as unknown as { spoken: string[] }).spoken), eventually).toEqual([`Ticket ${spelled}, desk 3`]);
    await expect.poll(() => hardwareCard().getByTestId('queue-waiting-count').textContent(), eventually).toBe('0 waiting');
  });

  it('resolves on the console and ServiceNow receives one incident and one resolution', async () => {
    await consolePage.keyboard.press('s');
    await expect.poll(() => consolePage.getByTestId('current-visit').textContent(), eventually).toContain('In service');
    await consolePage.keyboard.press('r');
    await consolePage.keyboard.type('Rolled back the display driver');
    await consolePage.keyboard.press('Control+Enter');
    await consolePage.getByText('Nobody at your desk').waitFor();
    await expect.poll(() => display.getByTestId('now-serving-row').count(), eventually).toBe(0);

    const incidents = () => [...serviceNow.records.values()].filter((record) => record.table === 'incident');
    await expect.poll(() => incidents()[0]?.fields.state, { timeout: 15_000 }).toBe('6');
    expect(incidents()).toHaveLength(1);
    expect(incidents()[0]?.fields).toMatchObject({ close_notes: 'Rolled back the display driver' });
    expect(serviceNow.patches.filter((patch) => String(patch.fields.state) === '6')).toHaveLength(1);
    expect(serviceNow.calls.filter((call) => call.method === 'POST')).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  });

  it('charts today’s estimated and actual waits at the site’s times of day, whatever the browser’s zone', async () => {
    // A team lead abroad (New York) looks at the Paris site: its hours, 24-hour, as on every other screen.
    const abroad = await browser.newContext({ viewport: { width: 1440, height: 1000 }, timezoneId: 'America/New_York', locale: 'en-US' });
    const page = await abroad.newPage();
    await openDeskConsole(page, server, 'hq-desk-3');
    const chart = page.getByTestId('wait-accuracy-chart');
    // uPlot draws its axes on a canvas; the legend, in the page, reads the time under the pointer.
    const plot = chart.locator('.u-over');
    await plot.waitFor({ timeout: 15_000 });
    await plot.hover({ position: { x: 5, y: 5 } });
    await plot.hover();
    const timeUnderPointer = chart.locator('.u-legend .u-series').first().locator('.u-value');
    await expect.poll(() => timeUnderPointer.textContent(), eventually).toMatch(/^\d{2}:\d{2}$/);
    const label = (await timeUnderPointer.textContent())!;
    const parisHour = Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Paris' }).format(new Date()));
    // The chart spans today's check-ins give or take half an hour: within an hour of Paris's now, six from New York's.
    const hoursAway = (Number(label.slice(0, 2)) - parisHour + 24) % 24;
    expect(hoursAway === 0 || hoursAway === 1 || hoursAway === 23, `${label} vs Paris hour ${parisHour}`).toBe(true);
    await abroad.close();
  });
});
