import { generateWalkupDays } from './generate-walkup-days.ts';
import { replayWaits } from './replay-wait.ts';
import { isScored, scorePredictor, type Scores } from './score-predictions.ts';

/**
 * `npm run bench:wait -- --appointments [--days 10] [--seed 7]`: the synthetic desk's walk-ins, once
 * alone and once with bookings blended in by the rule of docs/appointments.md (the same walk-in
 * arrivals), scored on the walk-ins only. The estimator is fed the bookings of the coming hour as the
 * live server does; the same replay without them shows what feeding them is worth.
 */
export function runAppointmentScenario(days: number, seed: number): void {
  const startDate = '2025-03-03';
  // The first days teach the learner; the rest are scored.
  const scoreFromMs = Date.parse(`${startDate}T00:00:00Z`) + Math.floor(days / 3) * 86_400_000;
  const walkInScores = (events: ReturnType<typeof generateWalkupDays>, feedBookings: boolean) => {
    const replay = replayWaits(events, undefined, { feedBookings });
    const walkIns = replay.visits.filter((v) => !v.booked && isScored(v, scoreFromMs));
    const meanWait = walkIns.reduce((sum, v) => sum + (v.calledMs! - v.joinedMs) / 1000, 0) / walkIns.length;
    return { scores: scorePredictor(walkIns, 0, 'at-join'), meanWait, booked: replay.visits.filter((v) => v.booked).length };
  };
  const alone = walkInScores(generateWalkupDays(days, seed, startDate), false);
  const blendedEvents = generateWalkupDays(days, seed, startDate, { appointments: true });
  const fed = walkInScores(blendedEvents, true);
  const unfed = walkInScores(blendedEvents, false);
  const rows: Array<[string, { scores: Scores; meanWait: number; booked: number }]> = [
    ['walk-ins alone', alone],
    ['with bookings, estimator fed them', fed],
    ['with bookings, estimator not fed them', unfed],
  ];
  const cell = (x: number, digits = 1) => x.toFixed(digits);
  const header = ['scenario (synthetic desk, walk-ins scored)', 'walk-ins', 'bookings', 'mean wait s', 'RMSE s', 'MAE s', 'RRASE', 'coverage'];
  const lines = rows.map(([name, r]) => [name, String(r.scores.n), String(r.booked), cell(r.meanWait), cell(r.scores.rmse), cell(r.scores.mae), cell(r.scores.rrase, 3), `${cell((r.scores.coverage ?? 0) * 100)}%`]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`synthetic desk, ${days} days (seed ${seed}), scored from day ${Math.floor(days / 3) + 1}`);
  console.log([line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(line)].join('\n'));
  console.log();
  console.log(`RMSE with bookings / alone: ${cell(fed.scores.rmse / alone.scores.rmse, 3)}; RRASE (relative to the mean wait): ${cell(fed.scores.rrase / alone.scores.rrase, 3)}`);
  console.log(`not feeding the bookings: RMSE ${cell(unfed.scores.rmse / fed.scores.rmse, 3)}x, bias ${cell(unfed.scores.bias)} s vs ${cell(fed.scores.bias)} s`);
}
