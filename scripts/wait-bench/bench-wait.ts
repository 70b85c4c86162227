import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatPerQueue, formatTable } from './format-report.ts';
import { callPolicyOf, readEventLog, type InputFormat } from './read-event-log.ts';
import { replayWaits } from './replay-wait.ts';
import { isScored, scorePredictor, type Scores } from './score-predictions.ts';
import { checkBar } from './check-bar.ts';
import { runAppointmentScenario } from './bench-wait-appointments.ts';

/**
 * Replay benchmark of wait estimates:
 *   npm run bench:wait -- --input <file> [--format anonymous-bank|events] [--score-from YYYY-MM-DD] [--json]
 *   npm run bench:wait -- --appointments [--days 10] [--seed 7]   (walk-ins with bookings blended in)
 * Everything is replayed (and learned from) in time order; only visits joining on or after
 * --score-from are scored. Without --input: the bank log in ../shared/data, scored on days 8-14.
 */
const bankLog = fileURLToPath(new URL('../../../shared/data/anonymous-bank-1999-02-days01-14.tsv', import.meta.url));
const { values: given } = parseArgs({
  options: {
    input: { type: 'string' },
    format: { type: 'string' },
    'score-from': { type: 'string' },
    json: { type: 'boolean', default: false },
    appointments: { type: 'boolean', default: false },
    days: { type: 'string', default: '10' },
    seed: { type: 'string', default: '7' },
  },
});
if (given.appointments) {
  runAppointmentScenario(Number(given.days), Number(given.seed));
  process.exit(0);
}
const values: { input: string; format: string; 'score-from'?: string; json?: boolean } = given.input
  ? { ...given, input: given.input, format: given.format ?? 'events' }
  : { ...given, input: bankLog, format: 'anonymous-bank', 'score-from': given['score-from'] ?? '1999-02-08' };
const format = values.format as InputFormat;
if (format !== 'anonymous-bank' && format !== 'events') throw new Error(`unknown --format ${format}`);
const scoreFromMs = values['score-from'] ? Date.parse(`${values['score-from']}T00:00:00Z`) : -Infinity;

const started = performance.now();
const events = readEventLog(values.input, format);
const replay = replayWaits(events, callPolicyOf(format));
const scored = replay.visits.filter((v) => isScored(v, scoreFromMs));
const queues = [...new Set(scored.map((v) => v.queueId))].sort();

const table = (mode: 'at-join' | 'over-wait') =>
  replay.predictorNames.map((predictor, k) => ({ predictor, scores: scorePredictor(scored, k, mode) }));
const atJoin = table('at-join');
const overWait = table('over-wait');
const perQueue = replay.predictorNames.map((predictor, k) => {
  const byQueue: Record<string, Scores> = {};
  for (const q of queues) byQueue[q] = scorePredictor(scored.filter((v) => v.queueId === q), k, 'at-join');
  return { predictor, byQueue };
});
const bar = checkBar(atJoin, perQueue, overWait);
const seconds = (performance.now() - started) / 1000;

if (values.json) {
  console.log(JSON.stringify({ input: values.input, format, scoreFrom: values['score-from'] ?? null, events: events.length, estimatorNulls: replay.estimatorNulls, atJoin, overWait, perQueue, bar, seconds }, null, 2));
} else {
  console.log(`${values.input} (${format}), ${events.length} events, scored from ${values['score-from'] ?? 'the start'}; replay ${seconds.toFixed(1)} s`);
  console.log();
  console.log(formatTable({ title: 'Prediction at joining (wait until called, seconds)', rows: atJoin }));
  console.log();
  console.log(formatTable({ title: 'Averaged over the wait (time-weighted, remaining wait; RRASE vs mean remaining wait)', rows: overWait }));
  console.log();
  console.log(formatPerQueue('RMSE at joining per queue (request type), seconds', queues, perQueue));
  console.log();
  console.log(`estimator had no answer (nobody on duty for the queue; scored as the queue mean) ${replay.estimatorNulls} times`);
  console.log(bar.lines.join('\n'));
}
