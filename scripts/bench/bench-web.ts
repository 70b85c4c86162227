import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { repoRoot } from './credentials.ts';
import { startServer, removeDir } from './server-process.ts';
import { fixed, machineLine, printTable } from './stats.ts';

/**
 * Front-end weight: gzip size of each app's JS and CSS in apps/<app>/dist (run `npm run build` first),
 * and the kiosk's time to first contentful paint in headless Chromium against a real server, with a
 * blank page measured in the same browser as the baseline.
 */
const apps = ['kiosk', 'console', 'display'];
const kb = (bytes: number) => fixed(bytes / 1024, 1);

function weigh(app: string) {
  const dist = path.join(repoRoot, 'apps', app, 'dist');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else files.push(file);
    }
  };
  walk(dist);
  const sum = (ext: string) => files.filter((f) => f.endsWith(ext)).reduce((t, f) => t + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  const raw = (ext: string) => files.filter((f) => f.endsWith(ext)).reduce((t, f) => t + statSync(f).size, 0);
  return { js: sum('.js'), css: sum('.css'), rawJs: raw('.js') };
}

console.log(`bench:web  ${machineLine()}`);
const weights = apps.map((app) => ({ app, ...weigh(app) }));
printTable('Front-end weight after build (KB)', [
  ['app', 'JS gzip', 'CSS gzip', 'JS raw'],
  ...weights.map((w) => [w.app, kb(w.js), kb(w.css), kb(w.rawJs)]),
]);
const kioskJs = weights.find((w) => w.app === 'kiosk')!.js;
console.log(`target: kiosk JS < 30 KB gzipped: ${kioskJs < 30 * 1024 ? 'met' : 'MISSED'} (${kb(kioskJs)} KB)`);

const server = await startServer();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const runs = 5;
  const measure = async (url: string) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      const fcp = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const found = performance.getEntriesByName('first-contentful-paint')[0];
            if (found) return resolve(found.startTime);
            new PerformanceObserver((list) => resolve(list.getEntries()[0]!.startTime)).observe({ type: 'paint', buffered: true });
            setTimeout(() => resolve(Number.NaN), 5000);
          }),
      );
      times.push(fcp);
      await context.close();
    }
    return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  };
  const blank = await measure(`${server.baseUrl}/health`);
  const kiosk = await measure(`${server.baseUrl}/kiosk/`);
  printTable('Kiosk time to first contentful paint, median of 5 cold loads (ms)', [
    ['page', 'first paint'],
    ['baseline: /health (JSON, no app)', fixed(blank, 0)],
    ['kiosk', fixed(kiosk, 0)],
  ]);
} finally {
  await browser.close();
  await server.stop();
  removeDir(server.dir);
}
