/**
 * Takes the README screenshots of the three screens against a real server with a few visitors:
 *   npm run build && node --import tsx scripts/screenshots.ts
 * Writes docs/screenshots/{kiosk,console,display}.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../tests/browser/helpers/chromium.ts';
import { rootDir, startWalkupServer } from '../tests/browser/helpers/walkup-server.ts';

const outDir = path.join(rootDir, 'docs/screenshots');
const server = await startWalkupServer();

// Setup goes through the API as the demo admin, who may act for any technician.
const login = await fetch(`${server.baseUrl}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(server.access.admin),
});
if (!login.ok) throw new Error(`admin sign-in failed: ${login.status}`);
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
const { csrfToken } = (await login.json()) as { csrfToken: string };

async function api(method: string, url: string, body?: unknown) {
  const response = await fetch(`${server.baseUrl}${url}`, {
    method,
    headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : ((await response.json()) as { id: string });
}

const checkIn = (categoryId: string, visitor: Record<string, string>, note?: string) =>
  api('POST', '/api/sites/hq/visits', { categoryId, visitor, ...(note ? { note } : {}) });

try {
  await api('PUT', '/api/technicians/tech-alex/presence', { siteId: 'hq', deskId: 'hq-desk-1', status: 'available' });
  await api('PUT', '/api/technicians/tech-sam/presence', { siteId: 'hq', deskId: 'hq-desk-2', status: 'available' });
  // One visit already finished, so the accuracy chart has a point.
  await checkIn('laptop-power', { kind: 'guest', name: 'Paul' });
  const first = await api('POST', '/api/desks/hq-desk-1/call-next', { technicianId: 'tech-alex' });
  await api('POST', `/api/visits/${first!.id}/resolve`, { technicianId: 'tech-alex', note: 'Swapped the charger' });

  await checkIn('laptop-no-boot', { kind: 'email', email: 'marie.dupont@example.com', name: 'Marie Dupont' }, 'Black screen after the update');
  await checkIn('access-password', { kind: 'employee_id', employeeId: 'E1002', name: 'John Smith' });
  await checkIn('software-install', { kind: 'guest', name: 'Chloé' }, 'Needs Visio');
  await checkIn('peripherals-printer', { kind: 'badge', badgeId: '0004411003', name: 'Aïcha Benali' });
  await checkIn('network-vpn', { kind: 'guest', name: 'Tom' });
  await api('POST', '/api/desks/hq-desk-2/call-next', { technicianId: 'tech-sam' });
  await api('POST', '/api/desks/hq-desk-1/call-next', { technicianId: 'tech-alex' });

  mkdirSync(outDir, { recursive: true });
  const browser = await launchChromium();
  try {
    const display = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await display.goto(server.deviceUrl('display'));
    await display.getByTestId('now-serving-row').first().waitFor();
    await display.screenshot({ path: path.join(outDir, 'display.png') });

    const consolePage = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await consolePage.goto(`${server.baseUrl}/console/`);
    await consolePage.getByLabel('Username').fill(server.access.technician.username);
    await consolePage.getByLabel('Password').fill(server.access.technician.password);
    await consolePage.getByRole('button', { name: 'Sign in' }).click();
    await consolePage.getByLabel('Desk').waitFor();
    await consolePage.getByLabel('Desk').selectOption('hq-desk-1');
    await consolePage.getByRole('button', { name: 'Open my console' }).click();
    await consolePage.getByTestId('current-ticket').waitFor();
    await consolePage.getByTestId('wait-accuracy-chart').locator('canvas').waitFor();
    await consolePage.screenshot({ path: path.join(outDir, 'console.png') });

    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await kiosk.goto(server.deviceUrl('kiosk'));
    await kiosk.getByRole('textbox', { name: /scan your badge/i }).fill('lukas.weber@example.com');
    await kiosk.getByRole('button', { name: 'Continue', exact: true }).click();
    await kiosk.getByRole('button', { name: 'Laptop' }).waitFor();
    await kiosk.screenshot({ path: path.join(outDir, 'kiosk.png') });
  } finally {
    await browser.close();
  }
  console.log(`screenshots written to ${path.relative(process.cwd(), outDir)}/`);
} finally {
  await server.close();
}
