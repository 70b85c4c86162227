import type { Page } from 'playwright-core';
import type { WalkupServer } from './walkup-server.ts';

/** Signs the demo admin in on the console page and opens an Admin section. */
export async function openConsoleAdmin(page: Page, server: WalkupServer, section: string): Promise<void> {
  await page.goto(`${server.baseUrl}/console/`);
  await page.getByLabel('Username').fill(server.access.admin.username);
  await page.getByLabel('Password').fill(server.access.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Console sections' }).getByRole('button', { name: 'Admin', exact: true }).click();
  await page.getByRole('button', { name: section, exact: true }).click();
}
