import { performance } from 'node:perf_hooks';
import { estimateWaits, type EstimatorInput, type EstimatorTechnician, type EstimatorVisit } from '@walkup/domain';
import { WaitLearner } from '@walkup/domain';

/**
 * Cost of one full recompute (every waiting visitor + every queue's "joining now") for 500 waiting
 * visitors over 10 queues and 40 technicians each serving 2-3 queues, with learned distributions and
 * future priority arrivals, against a single sampled run measured in the same process.
 *   node --import tsx scripts/wait-bench/bench-estimator-cost.ts
 */
const queueIds = Array.from({ length: 10 }, (_, i) => `q${i}`);
const nowMs = Date.parse('2025-03-03T10:00:00Z');
const learner = new WaitLearner({ configuredServiceSeconds: () => 600 });
queueIds.forEach((q, i) => {
  for (let k = 0; k < 200; k++) learner.serviceTimes.record(q, 120 + ((k * 37 + i * 11) % 900), nowMs - k * 60_000);
});
const technicians: EstimatorTechnician[] = Array.from({ length: 40 }, (_, i) => ({
  id: `t${i}`,
  status: 'available',
  queueIds: [queueIds[i % 10]!, queueIds[(i + 3) % 10]!, ...(i % 2 === 0 ? [queueIds[(i + 7) % 10]!] : [])],
  current: i % 4 === 0 ? null : { categoryId: queueIds[i % 10]!, sinceMs: nowMs - (i * 41_000) % 900_000 },
}));
const waiting: EstimatorVisit[] = Array.from({ length: 500 }, (_, i) => ({
  id: `v${i}`,
  queueId: queueIds[i % 10]!,
  categoryId: queueIds[i % 10]!,
  priority: i % 17 === 0 ? 1 : 0,
  checkedInAt: new Date(nowMs - (500 - i) * 7_000).toISOString(),
}));
const learned = learner.estimatorInput(nowMs);
// Priority-1 walk-ins keep arriving (two per hour per queue) and may pass people waiting.
const arrivals = queueIds.map((queueId) => ({ queueId, priority: 1, perSecond: () => 2 / 3600 }));
const input: EstimatorInput = { ...learned, queueIds, technicians, waiting, arrivals, abandonmentPerSecond: () => 1 / 3600 };

function time(label: string, run: () => unknown, repeats = 30): number {
  for (let i = 0; i < 3; i++) run();
  const started = performance.now();
  for (let i = 0; i < repeats; i++) run();
  const ms = (performance.now() - started) / repeats;
  console.log(`${label.padEnd(52)} ${ms.toFixed(2).padStart(8)} ms per recompute`);
  return ms;
}

console.log(`500 waiting visitors, 10 queues, 40 technicians (node ${process.version})`);
const single = time('1 sampled future (floor: setup + one policy replay)', () => estimateWaits({ ...input, samples: 1 }));
for (const samples of [50, 100, 200]) {
  const ms = time(`${samples} sampled futures${samples === 100 ? ' (default)' : ''}`, () => estimateWaits({ ...input, samples }));
  console.log(`${''.padEnd(52)} ${(ms / single).toFixed(1).padStart(8)} x the single run`);
}
