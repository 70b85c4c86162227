// Temporary diagnostic: replays the calibration alone from a diag-dump file.
import { readFileSync } from 'node:fs';
import { WaitCalibration } from './diag-cal.ts';
const rows = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as any[];
const from = Date.parse(`${process.argv[3] ?? '1999-02-08'}T00:00:00Z`);
const until = process.argv[4] ? Date.parse(`${process.argv[4]}T00:00:00Z`) : Infinity;
type Ev = { t: number; kind: 0 | 1; r: any };
const evs: Ev[] = [];
for (const r of rows) { if (!r.pred.raw) continue; evs.push({ t: r.joined, kind: 1, r }, { t: r.called, kind: 0, r }); }
evs.sort((a, b) => a.t - b.t || a.kind - b.kind);
const cal = new WaitCalibration();
const out: any[] = [];
const marks = ['1999-02-08', '1999-02-11', '1999-02-13'].map((d) => Date.parse(`${d}T00:00:00Z`));
for (const e of evs) {
  const r = e.r;
  while (marks.length && e.t >= marks[0]!) { const c = cal as any; const site = c.site.coefficients([0, 1, 0, 0], 20); console.log(new Date(marks.shift()!).toISOString().slice(0, 10), 'site', site.map((v: number) => v.toFixed(3)).join(' '), 'PE', c.queues.get('PE')?.coefficients(site, 200).map((v: number) => v.toFixed(3)).join(' '), 'PEw', c.queues.get('PE')?.weight.toFixed(1), 'PSw', c.queues.get('PS')?.weight.toFixed(0)); }
  if (e.kind === 0) cal.record(r.q, r.pred.raw, (r.called - r.joined) / 1000, r.pred.sig);
  else if (r.joined >= from && r.joined < until) { const p = cal.apply(r.q, r.pred.raw, r.pred.sig)!; out.push({ q: r.q, a: (r.called - r.joined) / 1000, p: p.expectedSeconds, lo: p.lowSeconds, hi: p.highSeconds, est: r.pred.est, l20: r.pred.base[3], base: r.pred.base }); }
}
const stat = (l: any[], k: string) => Math.sqrt(l.reduce((s, x) => s + (x[k] - x.a) ** 2, 0) / l.length);
const queues = [...new Set(out.map((x) => x.q))].sort();
const all = stat(out, 'p'); const l20 = stat(out, 'l20');
const cov = out.filter((x) => x.lo <= x.a && x.a <= x.hi).length / out.length;
const under = out.filter((x) => x.p < x.a).length / out.length;
console.log(`all n=${out.length} offline ${all.toFixed(1)} bench-est ${stat(out, 'est').toFixed(1)} l20 ${l20.toFixed(1)} (${((1 - all / l20) * 100).toFixed(1)}%) cov ${(cov * 100).toFixed(1)} under ${(under * 100).toFixed(1)}`);
console.log(queues.map((q) => { const l = out.filter((x) => x.q === q); const best = Math.min(...[0, 1, 2, 3, 4, 5].map((k) => Math.sqrt(l.reduce((s, x) => s + (x.base[k] - x.a) ** 2, 0) / l.length))); return `${q} ${stat(l, 'p').toFixed(1)}/${best.toFixed(1)}${stat(l, 'p') <= best ? '' : '!'}`; }).join('  '));
