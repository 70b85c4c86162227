import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildServerBundle } from '../build-server.ts';
import { provisionCredentials, repoRoot, type BenchCredentials } from './credentials.ts';

let bundle: Promise<string> | null = null;
const freshServerBundle = () => (bundle ??= buildServerBundle());

/**
 * Starts a server as a child process on 127.0.0.1 with its own database in a temp dir, the way
 * benchmarks and crash tests need it: a real process we can measure (/proc), signal and kill.
 */
export interface ServerHandle {
  child: ChildProcess;
  pid: number;
  port: number;
  baseUrl: string;
  dir: string;
  databasePath: string;
  credentials: BenchCredentials;
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited: Promise<number | string>;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | string>;
  /** Resident memory now and at its peak, in MB (Linux /proc). */
  memoryMb(): { rss: number; peak: number };
  /** CPU time used so far (user + system), in ms. */
  cpuMs(): number;
  /** CPU time of the main thread alone (the event loop), in ms: what bounds a Node server's throughput. */
  mainThreadCpuMs(): number;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function makeTempDir(prefix: string): string {
  // os.tmpdir() is on the real disk here (not tmpfs), so fsync costs what it costs in production.
  return mkdtempSync(path.join(tmpdir(), `walkup-${prefix}-`));
}

export interface StartOptions {
  /** Script to run; defaults to the real server entry point. */
  entry?: string;
  dir?: string;
  seedFile?: string;
  env?: Record<string, string>;
  nodeArgs?: string[];
  port?: number;
  readyTimeoutMs?: number;
  /** Credentials of an earlier start on the same database (restarts). */
  credentials?: BenchCredentials;
  /** A server bundle built already (the crash tests build it once, in their global setup). */
  bundle?: string;
}

export async function startServer(options: StartOptions = {}): Promise<ServerHandle> {
  const dir = options.dir ?? makeTempDir('server');
  const databasePath = path.join(dir, 'walkup.sqlite');
  const port = options.port ?? (await freePort());
  const seedFile = options.seedFile ?? path.join(repoRoot, 'db/seed/demo-site.json');
  // A restart (crash tests) reuses the database and the credentials enrolled the first time.
  const credentials = options.credentials ?? (await provisionCredentials(databasePath, seedFile));
  // By default, run what `npm start` runs: the bundled server, rebuilt from the current sources once
  // per process (under a second) so a stale bundle is never measured.
  const entryArgs = options.entry ? ['--import', 'tsx', options.entry] : [options.bundle ?? (await freshServerBundle())];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...entryArgs], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      WALKUP_DB_PATH: databasePath,
      WALKUP_LOG_LEVEL: 'warn',
      WALKUP_SEED_FILE: seedFile,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const baseUrl = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  let ended = false;
  void exited.then(() => (ended = true));
  for (;;) {
    if (ended) throw new Error(`server exited before it was ready:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after ${options.readyTimeoutMs ?? 30_000} ms:\n${output}`);
    }
    const ok = await fetch(`${baseUrl}/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }

  const pid = child.pid!;
  return {
    child,
    pid,
    port,
    baseUrl,
    dir,
    databasePath,
    credentials,
    exited,
    output: () => output,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (!ended) child.kill(signal);
      return exited;
    },
    memoryMb: () => readMemoryMb(pid),
    cpuMs: () => readCpuMs(pid),
    mainThreadCpuMs: () => readCpuMs(pid, pid),
  };
}

export function readMemoryMb(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

const clockTicks = 100;

/** A process's CPU time, or one of its threads' (the main thread's id is the process id). */
export function readCpuMs(pid: number, threadId?: number): number {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat are user and system time in clock ticks (after the comm field).
    const stat = readFileSync(threadId === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${threadId}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
  } catch {
    return 0;
  }
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
