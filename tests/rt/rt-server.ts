import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';

/** RT is a real dependency only where Debian's packages are installed; CI installs them. */
export const rtSetupTool = '/usr/sbin/rt-setup-database-5';
export const rtAvailable = existsSync(rtSetupTool);
const rtMissing = `${rtSetupTool} is missing (apt-get install request-tracker5 rt5-db-sqlite rt5-standalone)`;

/**
 * A describe block that needs a real RT. Without one it is skipped and says why, except on CI
 * (`CI` set), where a missing RT fails: CI must never pass by silently not testing RT.
 */
export function describeWithRt(name: string, body: () => void): void {
  if (rtAvailable) {
    describe(name, body);
  } else if (process.env.CI) {
    describe(name, () => {
      it('has Request Tracker 5 installed, as CI must', () => {
        throw new Error(`CI is set but ${rtMissing}: install it in .ci/run so the RT tests run`);
      });
    });
  } else {
    console.warn(`[tests/rt] skipped: ${rtMissing}`);
    describe.skip(`${name} (skipped: ${rtMissing})`, body);
  }
}
const rtServerBinary = '/usr/share/request-tracker5/libexec/rt-server';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * A throw-away Request Tracker 5 on loopback with SQLite. `kill()` is a SIGKILL (no graceful
 * anything) and `restart()` brings the same database back, which is what the fault tests need.
 */
export async function startRt() {
  const dir = mkdtempSync(path.join(tmpdir(), 'walkup-rt-'));
  const port = await freePort();
  const script = path.join(import.meta.dirname, 'rt5-setup.sh');
  const output = execFileSync('bash', [script, dir, String(port)], { encoding: 'utf8', timeout: 120_000 });
  const token = output.match(/RT_TOKEN=(\S+)/)?.[1];
  if (!token) throw new Error(`RT setup printed no token; see ${dir}/setup.log`);
  const url = `http://127.0.0.1:${port}/REST/2.0`;
  let child: ChildProcess | null = null;

  async function waitUntilUp(): Promise<void> {
    for (let i = 0; i < 120; i++) {
      const ok = await fetch(`${url}/rt`, { headers: { Authorization: `token ${token}` } }).then((r) => r.ok, () => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('RT did not come up within 30 s');
  }

  async function serve(): Promise<void> {
    child = spawn(rtServerBinary, ['--server', 'Standalone', '--host', '127.0.0.1', '--port', String(port)], {
      env: { ...process.env, RT_SITE_CONFIG: path.join(dir, 'RT_SiteConfig.pm'), RT_SITE_CONFIG_DIR: path.join(dir, 'conf.d') },
      stdio: 'ignore',
    });
    await waitUntilUp();
  }

  async function kill(): Promise<void> {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  }

  await serve();
  return {
    url,
    token,
    webBase: `http://127.0.0.1:${port}`,
    kill,
    restart: serve,
    async stop() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
    /** Reads RT directly, bypassing the adapter under test. */
    async get(pathName: string): Promise<any> {
      const response = await fetch(`${url}/${pathName}`, { headers: { Authorization: `token ${token}` } });
      return response.json();
    },
  };
}

export type RtServer = Awaited<ReturnType<typeof startRt>>;
