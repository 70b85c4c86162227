import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../apps/server/src/auth/create-account.ts';
import { replaceAccountSites } from '../../apps/server/src/auth/account-sites.ts';
import { withReportTables } from '../../apps/server/src/reports/report-schema.ts';
import { collectPageErrors, launchChromium } from './helpers/chromium.ts';
import { startWalkupServer, type WalkupServer } from './helpers/walkup-server.ts';
import { signInToConsole } from './helpers/console-sign-in.ts';

/**
 * A manager plans a week in Chromium: four past Mondays had 20 visitors at 10:00 served 10 minutes
 * each; the forecast (16.6 expected, shrunk toward the quiet other days: the demo site opens all week) prefills the roster
 * with what the staffing model asks for, and cutting that hour's roster lowers the week's expected
 * share called within the target.
 */
let server: WalkupServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const eventually = { timeout: 15_000, interval: 200 };
const manager = { username: 'morgan', password: 'morgan-password-1' };
const weekStart = '2026-11-30';

beforeAll(async () => {
  server = await startWalkupServer({ now: () => new Date() });
  const id = await createAccount(server.db, { ...manager, displayName: 'Morgan Lead', role: 'manager', technicianId: null }, new Date().toISOString());
  await replaceAccountSites(server.db, id, ['hq']);
  // Four past Mondays: 20 visitors from 10:00 (Paris, 09:00 UTC), one every 3 min, called at once and
  // served 10 min by four technicians taking turns.
  for (let week = 1; week <= 4; week++) {
    const day = new Date(Date.parse(`${weekStart}T00:00:00Z`) - week * 7 * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < 20; i++) {
      const at = (seconds: number) => new Date(Date.parse(`${day}T09:00:00Z`) + i * 180_000 + seconds * 1000).toISOString();
      await withReportTables(server.db)
        .insertInto('report_visits')
        .values({
          visit_id: `past-${week}-${i}`, site_id: 'hq', queue_id: 'hq-hardware', category_id: 'laptop-no-boot', technician_id: `tech-${i % 4}`, desk_id: null, ticket_number: `P${i}`,
          day, hour: 10, weekday: 1, checked_in_at: at(0), called_at: at(0), started_at: at(0), ended_at: at(600), outcome: 'resolved', wait_seconds: 0, service_seconds: 600,
          transfers: 0, estimate_seconds: null, feedback_score: null,
        })
        .execute();
    }
  }
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  collectPageErrors(page, 'console', pageErrors);
  await signInToConsole(page, server, manager);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('staffing forecast in the manager console', () => {
  it('charts the technicians needed, prefills the roster and checks an edited roster', async () => {
    await expect.poll(() => page.getByRole('heading', { name: 'Staffing forecast' }).count(), eventually).toBe(1);
    await page.getByLabel('Week starting').fill(weekStart);
    await page.getByRole('button', { name: 'Forecast' }).click();
    // The first row is the Monday of the chosen week.
    const cell = page.getByRole('spinbutton', { name: /^Technicians on .*30.* at 10h$/ }).first();
    await expect.poll(() => cell.inputValue({ timeout: 1000 }).catch(() => ''), eventually).toBe('4');
    await expect.poll(() => page.getByTestId('staffing-chart').getAttribute('aria-label'), eventually).toContain('needs 4 technicians');
    await expect.poll(() => page.locator('[data-testid="staffing-chart"] canvas').count(), eventually).toBe(1);
    const level = page.getByTestId('staffing-week-level');
    await expect.poll(async () => Number((await level.textContent({ timeout: 1000 }).catch(() => ''))?.match(/(\d+) %/)?.[1]), eventually).toBeGreaterThanOrEqual(90);
    await cell.fill('2');
    await page.getByRole('button', { name: 'Check this roster' }).click();
    await expect.poll(async () => Number((await level.textContent({ timeout: 1000 }).catch(() => ''))?.match(/(\d+) %/)?.[1]), eventually).toBeLessThan(50);
    expect(pageErrors).toEqual([]);
  });
});
