import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { WalkupServer } from './walkup-server.ts';

/** Opens the console page and signs an account in through its form. */
export async function signInToConsole(page: Page, server: WalkupServer, account: { username: string; password: string }): Promise<void> {
  await page.goto(`${server.baseUrl}/console/`);
  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs the demo admin in on the console page and opens an Admin section. */
export async function openConsoleAdmin(page: Page, server: WalkupServer, section: string): Promise<void> {
  await signInToConsole(page, server, server.access.admin);
  await page.getByRole('navigation', { name: 'Console sections' }).getByRole('button', { name: 'Admin', exact: true }).click();
  await page.getByRole('button', { name: section, exact: true }).click();
}

/**
 * Signs the demo technician (Alex Martin's account) in on the console page and opens the console at a
 * desk; the console picks the account's technician itself, which is checked on the way.
 */
export async function openDeskConsole(page: Page, server: WalkupServer, deskId: string): Promise<void> {
  await signInToConsole(page, server, server.access.technician);
  await expect.poll(() => page.getByLabel('Technician').inputValue(), { timeout: 10_000 }).toBe('tech-alex');
  await page.getByLabel('Desk').selectOption(deskId);
  await page.getByRole('button', { name: 'Open my console' }).click();
}
