import { parseArgs } from 'node:util';
import { generateWalkupDays } from './generate-walkup-days.ts';
import { replayWaits } from './replay-wait.ts';
import { isScored, pooledOverWaitCoverage, scorePredictor } from './score-predictions.ts';
import { categories, queueIds, technicians } from './synthetic-site.ts';

/**
 * The estimator's first days at a new site (issue 12: a live day starts from an empty log): synthetic
 * walk-up days (real seconds, no compressed time) replayed from an empty log with the site's
 * configuration, as the server has it (service times, who serves which queue), scoring the first
 * `--days` only. Coverage over the wait both ways: pooled, every figure weighted by how long it stood
 * (bench:live-wait's way), and each visit's time average then the mean over visits (bench:wait's way).
 *   node --import tsx scripts/wait-bench/bench-wait-first-day.ts [--seeds 1,2,3,4,5,6] [--days 1]
 */
const { values } = parseArgs({ options: { seeds: { type: 'string', default: '1,2,3,4,5,6' }, days: { type: 'string', default: '1' } } });
const days = Number(values.days);
// The configured service time is the mean of the category's lognormal (what a site would measure).
const categorySeconds = new Map(categories.map((c) => [c.id, c.medianMinutes * 60 * Math.exp((c.logSd * c.logSd) / 2)]));
const queueSeconds = new Map(queueIds.map((q) => {
  const choices = categories.filter((c) => c.queueId === q);
  return [q, choices.reduce((sum, c) => sum + categorySeconds.get(c.id)!, 0) / choices.length];
}));
const technicianQueues = new Map(technicians.map((t) => [t.id, t.queueIds]));

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(`seed  n    at join  over the wait pooled / per visit  (first ${days} day(s) from an empty log)`);
for (const seed of values.seeds.split(',').map(Number)) {
  const events = generateWalkupDays(days, seed);
  const replay = replayWaits(events, undefined, {
    learner: {
      configuredServiceSeconds: (id) => categorySeconds.get(id) ?? 600,
      configuredQueueServiceSeconds: (id) => queueSeconds.get(id) ?? 600,
      configuredQueues: (id) => technicianQueues.get(id),
      timeZone: 'UTC',
    },
  });
  const scored = replay.visits.filter((v) => isScored(v, -Infinity));
  const atJoin = scorePredictor(scored, 0, 'at-join');
  const overWait = scorePredictor(scored, 0, 'over-wait');
  console.log(`${String(seed).padEnd(4)}  ${String(scored.length).padEnd(4)} ${percent(atJoin.coverage!).padStart(7)}  ${percent(pooledOverWaitCoverage(scored)).padStart(6)} / ${percent(overWait.coverage!)}`);
}
