/**
 * `npm start`: builds the front ends and the server bundle, then runs the server in this very process,
 * so Ctrl-C and SIGTERM reach the server's own graceful shutdown. `npm start -- --no-build` starts
 * what is already built (a container image built earlier, the crash tests).
 *
 * Plain JavaScript on purpose: loading the bundle through a TypeScript loader would cost the memory
 * the bundle saves (README, Decisions).
 *
 * Why not `npm run build && node main.mjs`: npm passes SIGTERM to the shell it runs the script in,
 * and that shell dies without passing it on, so the server kept running after `kill <npm>` (Docker's
 * stop, a service manager). With one command the shell is still there on Debian (dash does not exec
 * it), so when npm started us and the shell between us goes away, we take it as the signal.
 */
/* global process, console, URL, setInterval, clearInterval */
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const rootDir = fileURLToPath(new URL('..', import.meta.url));
const serverBundle = new URL('../apps/server/dist/main.mjs', import.meta.url);
const exitCodeOf = { SIGINT: 130, SIGTERM: 143 };

/** Runs `npm run build`, passing Ctrl-C / SIGTERM on to it; exits when it fails or is stopped. */
function build() {
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli ? [process.execPath, [npmCli, 'run', 'build']] : ['npm', ['run', 'build']];
  const child = spawn(command, args, { cwd: rootDir, stdio: 'inherit', shell: !npmCli && process.platform === 'win32' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      if (code === 0) return resolve();
      console.error(signal ? `build stopped (${signal}); not starting` : `build failed (exit code ${code}); not starting`);
      process.exit(signal ? (exitCodeOf[signal] ?? 1) : (code ?? 1));
    });
  });
}

/** Under `npm start`, the shell npm put between us dies on SIGTERM without passing it on: notice, and stop. */
function stopWhenNpmShellGoes() {
  if (process.env.npm_lifecycle_event !== 'start') return;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    process.kill(process.pid, 'SIGTERM');
  }, 250);
  timer.unref();
}

stopWhenNpmShellGoes();
if (!process.argv.includes('--no-build')) await build();
process.setSourceMapsEnabled(true);
await import(pathToFileURL(fileURLToPath(serverBundle)).href);
