import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { formatLogLine } from '../../src/log-format.ts';
import { testEngine } from '../helpers/postgres-test-database.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

function captureLines() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
}

/**
 * On PostgreSQL an instance says once, at start, that it took the estimator job (an exclusive job
 * across instances; on SQLite there is only one instance and nothing to say). Waits for the start's
 * lines, checks them, and forgets them: what follows is what requests write.
 */
async function afterStartLines(lines: Array<Record<string, unknown>>): Promise<void> {
  const expected = testEngine === 'postgres' ? [{ job: 'estimator', msg: 'this instance now runs the job' }] : [];
  await expect.poll(() => lines.map((l) => ({ job: l.job, msg: l.msg }))).toEqual(expected);
  lines.length = 0;
}

let t: TestApp | undefined;
afterEach(async () => t?.close());

describe('request logging', () => {
  it('writes nothing per request by default, where it used to write two info lines', async () => {
    const { lines, stream } = captureLines();
    t = await createTestApp({ logger: { level: 'info', stream } });
    await afterStartLines(lines);
    for (let i = 0; i < 5; i++) expect((await t.as.display.inject({ url: '/api/sites/hq/state' })).statusCode).toBe(200);
    expect(await t.app.inject({ url: '/health' })).toMatchObject({ statusCode: 200 });
    expect(lines).toEqual([]);
  });

  it('writes one line per answered request with WALKUP_ACCESS_LOG, device tokens redacted', async () => {
    const { lines, stream } = captureLines();
    t = await createTestApp({ logger: { level: 'info', stream }, accessLog: true });
    await afterStartLines(lines);
    await t.as.display.inject({ url: '/api/sites/hq/state' });
    await t.app.inject({ url: '/health?token=secret-token-value' });
    expect(lines.map((l) => l.msg)).toEqual([expect.stringMatching(/^GET \/api\/sites\/hq\/state 200 \d+ ms$/), expect.stringMatching(/^GET \/health\?token=\[redacted\] 200 \d+ ms$/)]);
    expect(JSON.stringify(lines)).not.toContain('secret-token-value');
  });
});

describe('readable log lines', () => {
  it('turns a pino JSON line into one line: time, level, message, fields', () => {
    const line = formatLogLine(JSON.stringify({ level: 40, time: Date.parse('2026-12-01T10:04:31Z'), pid: 1, hostname: 'h', msg: 'estimate refresh failed', siteId: 'hq', note: 'two words' }));
    expect(line).toBe('10:04:31 WARN  estimate refresh failed siteId=hq note="two words"');
  });

  it("puts an error's message on the line and its stack below", () => {
    const error = new Error('disk full');
    const line = formatLogLine(JSON.stringify({ level: 50, time: 0, msg: 'retention run failed', err: { type: 'Error', message: error.message, stack: error.stack } }));
    const [first, ...stack] = line.split('\n');
    expect(first).toBe('00:00:00 ERROR retention run failed err="disk full"');
    expect(stack[0]).toMatch(/^ {4}at /);
  });
});
