import { readFileSync } from 'node:fs';
import type { SiteEvent } from '@walkup/domain';
import { replayWaits } from '../wait-bench/replay-wait.ts';
import { pooledOverWaitCoverage, scorePredictor } from '../wait-bench/score-predictions.ts';
import { generateSeed } from './seed-sites.ts';
import { fixed } from './stats.ts';

/**
 * A saved live day (bench:live-wait --save-run) replayed through the domain's learner with the site's
 * configuration as the live server had it (bench-live-wait's seed, service times divided by the run's
 * speed): the same estimator without the server's timings, scored both ways, the live bench's (every
 * figure weighted by how long it stood, pooled) and the replay bench's (each visit's time average, then
 * the mean over visits). Tells a miss of the estimator from one of the live machinery.
 *   node --import tsx scripts/bench/live-wait-offline.ts run.json
 */
const run = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { speed: number; events: SiteEvent[]; kiosk: Array<[string, unknown]> };
const site = generateSeed({ sites: 1, desksPerSite: 8 }).sites[0]!;
const categorySeconds = new Map(site.categories.map((c) => [c.id, c.expectedServiceSeconds / run.speed]));
const queueSeconds = new Map(site.queueIds.map((q) => {
  const choices = site.categories.filter((c) => c.queueId === q);
  return [q, choices.reduce((sum, c) => sum + c.expectedServiceSeconds / run.speed, 0) / choices.length];
}));
const technicianQueues = new Map(site.technicianIds.map((id, d) => [id, d % 2 === 0 ? site.queueIds : [site.queueIds[0]!]]));
const replay = replayWaits(run.events, undefined, {
  learner: {
    configuredServiceSeconds: (id) => categorySeconds.get(id) ?? 600,
    configuredQueueServiceSeconds: (id) => queueSeconds.get(id) ?? 600,
    configuredQueues: (id) => technicianQueues.get(id),
    timeZone: 'UTC',
  },
});
const kiosk = new Set(run.kiosk.map(([id]) => id));
const scored = replay.visits.filter((v) => kiosk.has(v.id) && v.calledMs !== null && v.calledMs > v.joinedMs && v.predictions[0]!.length > 0);

const atJoin = scorePredictor(scored, 0, 'at-join');
const overWait = scorePredictor(scored, 0, 'over-wait');
const best = Math.min(...replay.predictorNames.slice(1).map((_, k) => scorePredictor(scored, k + 1, 'at-join').rmse));
console.log(`offline replay of ${process.argv[2]} (${scored.length} visitors)`);
console.log(`at joining: RMSE ${fixed(atJoin.rmse)} s (best simple ${fixed(best)} s, ${fixed((1 - atJoin.rmse / best) * 100)}% under), coverage ${fixed(atJoin.coverage! * 100)}%`);
console.log(`over the wait: coverage ${fixed(pooledOverWaitCoverage(scored) * 100)}% pooled time-weighted (live bench's way), ${fixed(overWait.coverage! * 100)}% per-visit mean (replay bench's way)`);
// Where the misses are: by the waits learned from so far (the first ones read the cold start's blend).
const calls = replay.visits.flatMap((v) => (v.calledMs !== null && v.calledMs > v.joinedMs ? [v.calledMs] : [])).sort((a, b) => a - b);
const phases = [10, 30, 50, 100, Infinity];
const byPhase = phases.map(() => ({ weight: 0, covered: 0, below: 0 }));
for (const v of scored) {
  const points = v.predictions[0]!;
  points.forEach((p, i) => {
    const weight = Math.min(points[i + 1]?.atMs ?? v.calledMs!, v.calledMs!) - p.atMs;
    const actual = (v.calledMs! - p.atMs) / 1000;
    const phase = byPhase[phases.findIndex((bound) => calls.filter((t) => t < p.atMs).length < bound)]!;
    phase.weight += weight;
    if (p.low! <= actual && actual <= p.high!) phase.covered += weight;
    else if (actual < p.low!) phase.below += weight;
  });
}
const all = byPhase.reduce((sum, p) => sum + p.weight, 0);
byPhase.forEach((p, k) => {
  const name = `calls so far < ${phases[k]}`.replace('< Infinity', `>= ${phases[k - 1]}`);
  console.log(`  ${name.padEnd(22)} time ${fixed((p.weight / all) * 100)}%, covered ${fixed((p.covered / p.weight) * 100)}%, below the range ${fixed((p.below / p.weight) * 100)}%, above ${fixed(((p.weight - p.covered - p.below) / p.weight) * 100)}%`);
});
