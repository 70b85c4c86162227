import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/**
 * Runs axe-core on the page as it is now and fails on any violation of impact serious or critical,
 * and on a page without exactly one `main` landmark. `context` names the screen state in the failure.
 */
export async function expectNoSeriousAxeViolations(page: Page, context: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    try {
      await page.addScriptTag({ content: axeSource });
    } catch {
      // A page whose Content-Security-Policy refuses inline scripts: evaluate bypasses it.
    }
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  }
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((node) => ({ target: node.target })) }));
  });
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id} (${violation.help}) at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${context}`).toEqual([]);
  expect(await page.getByRole('main').count(), `${context}: one main landmark`).toBe(1);
}
