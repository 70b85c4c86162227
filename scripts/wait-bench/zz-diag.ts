import { readEventLog } from './read-event-log.ts';
import { replayWaits } from './replay-wait.ts';
import { isScored } from './score-predictions.ts';
const events = readEventLog('../shared/data/anonymous-bank-1999-02-days01-14.tsv', 'anonymous-bank');
const r = replayWaits(events);
const from = Date.parse(process.argv[2] ?? '1999-02-08');
const to = Date.parse(process.argv[3] ?? '2000-01-01');
const s = r.visits.filter((v) => isScored(v, from) && v.joinedMs < to);
const buckets = [0, 5, 20, 40, 60, 90, 120, 180, 300, 1e9];
for (let b = 0; b < buckets.length - 1; b++) {
  const sel = s.filter((v) => v.predictions[0]![0]!.seconds >= buckets[b]! && v.predictions[0]![0]!.seconds < buckets[b + 1]!);
  const pred = sel.reduce((a, v) => a + v.predictions[0]![0]!.seconds, 0) / sel.length;
  const act = sel.reduce((a, v) => a + (v.calledMs! - v.joinedMs) / 1000, 0) / sel.length;
  const l20 = sel.reduce((a, v) => a + v.predictions[4]![0]!.seconds, 0) / sel.length;
  const sse = sel.reduce((a, v) => a + ((v.calledMs! - v.joinedMs) / 1000 - v.predictions[0]![0]!.seconds) ** 2, 0);
  const cov = sel.filter((v) => { const p = v.predictions[0]![0]!; const a = (v.calledMs! - v.joinedMs) / 1000; return p.low! <= a && a <= p.high!; }).length / sel.length;
  console.log(`[${buckets[b]},${buckets[b + 1]}) n=${sel.length} pred=${pred.toFixed(0)} actual=${act.toFixed(0)} last20=${l20.toFixed(0)} sse share=${(sse / 1e6).toFixed(1)}M cov=${cov.toFixed(2)}`);
}
