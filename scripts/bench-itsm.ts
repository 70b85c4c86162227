/**
 * ITSM delivery benchmark: pushes a few thousand visits through the worker against a local
 * ServiceNow-shaped HTTP mock on loopback, then simulates an outage and measures the catch-up.
 * Run: node --import tsx scripts/bench-itsm.ts [visits=3000]
 * Prints a table; the baseline is the adapter alone against the same mock (the HTTP ceiling).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import os from 'node:os';
import { createAdapter } from '@walkup/itsm';
import { createItsmDelivery } from '../apps/server/src/itsm/index.ts';
import { createItsmFixture } from '../apps/server/test/itsm/itsm-fixtures.ts';

const visits = Number(process.argv[2] ?? 3000);
const outageVisits = Math.round(visits / 3);

/** A minimal Table API: create, correlation lookup, patch, caller lookup; `down` answers 503. */
function startMock() {
  const byCorrelation = new Map<string, { sys_id: string; number: string }>();
  let counter = 0;
  let requests = 0;
  let down = false;
  const reply = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server = createServer(async (req: IncomingMessage, res) => {
    requests++;
    let text = '';
    for await (const chunk of req) text += chunk;
    if (down) return reply(res, 503, { error: { message: 'Service Unavailable' }, status: 'failure' });
    const url = new URL(req.url!, 'http://x');
    if (req.method === 'GET' && url.pathname.endsWith('/sys_user')) return reply(res, 200, { result: [] });
    if (req.method === 'GET') {
      const id = (url.searchParams.get('sysparm_query') ?? '').replace('correlation_id=', '');
      const found = byCorrelation.get(id);
      return reply(res, 200, { result: found ? [found] : [] });
    }
    if (req.method === 'POST') {
      const body = JSON.parse(text);
      const record = { sys_id: randomUUID().replace(/-/g, ''), number: `INC${String(++counter).padStart(7, '0')}` };
      byCorrelation.set(body.correlation_id, record);
      return reply(res, 201, { result: record });
    }
    return reply(res, 200, { result: {} });
  });
  return new Promise<{ url: string; stats: () => { tickets: number; requests: number }; setDown: (d: boolean) => void; close: () => void }>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${port}`,
        stats: () => ({ tickets: byCorrelation.size, requests }),
        setDown: (d) => (down = d),
        close: () => server.close(),
      });
    }),
  );
}

const mock = await startMock();
const adapter = createAdapter({ vendor: 'servicenow', instanceUrl: mock.url, auth: { kind: 'basic', username: 'bench', password: 'bench-password' } });
const rows: Array<[string, string, string]> = [];
const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000)}/s`;

// Baseline: the adapter alone, 8 concurrent creates, no database.
{
  const n = Math.min(visits, 2000);
  const start = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < n) {
        const i = next++;
        await adapter.createTicket({ visitId: `baseline-${i}`, siteName: 'HQ', walkupTicketNumber: `B-${i}`, caller: { email: `b${i}@example.com`, employeeId: null, badgeId: null, name: null }, choices: ['Laptop'], note: null, priority: 0, checkedInAt: new Date().toISOString(), itsm: { category: null, subcategory: null, assignmentGroup: null } });
      }
    }),
  );
  rows.push(['baseline: adapter only (HTTP ceiling)', `${n} tickets in ${Math.round(performance.now() - start)} ms`, rate(n, performance.now() - start)]);
}
const baselineRate = Number(rows[0]![2].replace('/s', ''));

const fx = await createItsmFixture();
const delivery = createItsmDelivery({ db: fx.db, bus: fx.bus, adapterFor: () => adapter, now: fx.clock.now, options: { breakerHalfOpenMs: 500 } });

// Steady state: check-ins (events in the log), then the worker delivers them.
const ids: string[] = [];
for (let i = 0; i < visits; i++) ids.push((await fx.checkIn()).id);
{
  const start = performance.now();
  await delivery.drain();
  const ms = performance.now() - start;
  const perSecond = Math.round((visits / ms) * 1000);
  rows.push(['worker: create tickets from the log', `${visits} tickets in ${Math.round(ms)} ms`, `${perSecond}/s (${((perSecond / baselineRate) * 100).toFixed(0)}% of baseline)`]);
}
for (const id of ids) await fx.resolve(id);
{
  const start = performance.now();
  await delivery.drain();
  rows.push(['worker: resolve updates', `${visits} updates in ${Math.round(performance.now() - start)} ms`, rate(visits, performance.now() - start)]);
}

// Outage: 30 simulated minutes down while visits keep arriving; then the ITSM comes back.
mock.setDown(true);
const before = mock.stats().requests;
for (let i = 0; i < outageVisits; i++) {
  await fx.checkIn();
  if (i % Math.ceil(outageVisits / 180) === 0) {
    fx.clock.advance(10);
    await delivery.drain();
  }
}
const duringOutage = mock.stats().requests - before;
const [health] = await delivery.health();
rows.push(['outage: requests sent while down', `${duringOutage} requests for ${outageVisits} visits (breaker ${health!.breaker})`, `backlog ${health!.backlog}`]);
mock.setDown(false);
fx.clock.advance(300); // the longest backoff (5 min cap) has elapsed: everything is due
await new Promise((r) => setTimeout(r, 600)); // the breaker's half-open period runs on real time
{
  const start = performance.now();
  await delivery.drain();
  const ms = performance.now() - start;
  const [after] = await delivery.health();
  rows.push(['outage: catch-up once due', `${outageVisits} tickets in ${Math.round(ms)} ms, backlog now ${after!.backlog}`, rate(outageVisits, ms)]);
}
const expected = visits + outageVisits;
rows.push(['check: one ticket per visit', `${mock.stats().tickets - Math.min(visits, 2000)} tickets for ${expected} visits`, mock.stats().tickets - Math.min(visits, 2000) === expected ? 'ok' : 'MISMATCH']);

console.log(`ITSM delivery benchmark, ${new Date().toISOString().slice(0, 10)}, ${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}, Node ${process.version}`);
console.log('(catch-up excludes the scheduled wait: at most the backoff cap, 5 min in production; the bench uses a 0.5 s breaker half-open period)\n');
const width = [44, 62];
for (const [a, b, c] of [['phase', 'result', 'rate'] as [string, string, string], ...rows]) console.log(`${a.padEnd(width[0]!)} ${b.padEnd(width[1]!)} ${c}`);
await delivery.stop();
await fx.close();
mock.close();
