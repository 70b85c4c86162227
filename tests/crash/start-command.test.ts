import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/bench/credentials.ts';
import { freePort, makeTempDir, removeDir } from '../../scripts/bench/server-process.ts';

/**
 * The documented start command, `npm start`, run for real (without its build step: the crash
 * project's global setup built the bundle): stopping npm with SIGTERM (Docker, a service manager) or
 * Ctrl-C must stop the server, not leave it running and holding the port.
 */

/** Every live process below `pid` (npm, the shell it runs the script in, node), read from /proc. */
function descendantsOf(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state !== 'Z') parents.set(Number(entry), Number(ppid));
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  const visit = (parent: number) => {
    for (const [child, ppid] of parents) {
      if (ppid !== parent) continue;
      found.push(child);
      visit(child);
    }
  };
  visit(pid);
  return found;
}

function isRunning(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Clean-up after a failure: everything the test started, whatever state it is in. */
function killGroup(pid: number): void {
  for (const each of [pid, ...descendantsOf(pid)].filter(isRunning)) process.kill(each, 'SIGKILL');
}

const answersHealth = (port: number) => fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);

async function npmStart(dir: string) {
  const port = await freePort();
  const npm = spawn('npm', ['start', '--', '--no-build'], {
    cwd: repoRoot,
    // Its own process group, so a test can send Ctrl-C to the whole group the way a terminal does.
    detached: true,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', WALKUP_DB_PATH: path.join(dir, 'walkup.sqlite'), WALKUP_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  npm.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => npm.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  try {
    await expect.poll(() => answersHealth(port), { timeout: 45_000, interval: 100 }).toBe(true);
  } catch (error) {
    killGroup(npm.pid!);
    throw error;
  }
  const processes = descendantsOf(npm.pid!);
  expect(processes.length).toBeGreaterThan(0);
  return { npm, port, processes, exited, output: () => output };
}

describe('npm start', () => {
  const dir = makeTempDir('start-command');
  afterAll(() => removeDir(dir));

  it.each([
    ['SIGTERM sent to npm alone', (npm: { pid?: number }) => process.kill(npm.pid!, 'SIGTERM')],
    ['Ctrl-C (SIGINT to the whole process group)', (npm: { pid?: number }) => process.kill(-npm.pid!, 'SIGINT')],
  ])('stops the server cleanly on %s: every process gone, the port free', async (_how, signal) => {
    const started = await npmStart(dir);
    const remaining = [started.npm.pid!, ...started.processes];
    try {
      signal(started.npm);
      await started.exited;
      await expect.poll(() => started.processes.filter(isRunning), { timeout: 20_000, interval: 100 }).toEqual([]);
      expect(await answersHealth(started.port)).toBe(false);
      // Stopped through its graceful shutdown, not killed.
      expect(started.output()).toMatch(/shutting down/);
    } finally {
      for (const pid of remaining.filter(isRunning)) process.kill(pid, 'SIGKILL');
    }
  });
});
