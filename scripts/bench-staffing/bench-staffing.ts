import { openingDayTypes, type OpeningHours } from '@walkup/domain';
import { readEventLog, type InputFormat } from '../wait-bench/read-event-log.ts';
import { observeLog } from './observed-hours.ts';
import { errors, forecastTestWeek } from './staffing-forecast.ts';

/**
 * npm run bench:staffing -- [--input <log>] [--format anonymous-bank|events] [--target-seconds 60]
 *   [--opening-hours '{"mon":[["08:00","18:00"]],...}'] [--quiet]
 * Fits the staffing forecast on the log's days 1-7 and checks it hour by hour on days 8-14, beside a
 * naive forecast (same hour last week) computed in the same run. The working days, the weekend and
 * the closed days come from the weekly opening hours, as the API takes them from the site's.
 */
const argument = (name: string, fallback: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? (process.argv[index + 1] ?? fallback) : fallback;
};
const input = argument('input', new URL('../../../../shared/data/anonymous-bank-1999-02-days01-14.tsv', import.meta.url).pathname);
const format = argument('format', input.endsWith('.tsv') ? 'anonymous-bank' : 'events') as InputFormat;
const targetSeconds = Number(argument('target-seconds', format === 'anonymous-bank' ? '60' : '600'));
// The bank's hours as its log shows them: Sunday-Thursday 07:00-24:00, Friday until 14:00, Saturday
// from 19:00 (Israel). A walkup log without hours given gets the Saturday-Sunday weekend.
const long = [['07:00', '24:00']];
const bankHours = { sun: long, mon: long, tue: long, wed: long, thu: long, fri: [['07:00', '14:00']], sat: [['19:00', '24:00']] };
const openingHours = JSON.parse(argument('opening-hours', JSON.stringify(format === 'anonymous-bank' ? bankHours : {}))) as OpeningHours;
const dayTypes = openingDayTypes(openingHours);
const minimumArrivalsForShare = 10;

const started = performance.now();
const log = observeLog(readEventLog(input, format), targetSeconds);
const days = [...log.days.keys()].sort();
if (days.length < 14) throw new Error(`need 14 days in ${input}, found ${days.length}`);
const { rows, categories, mix, meanPatienceSeconds, model } = forecastTestWeek(log, days.slice(0, 7), days.slice(7, 14), targetSeconds, dayTypes);
const elapsedMs = performance.now() - started;

const pct = (v: number | null) => (v === null ? '   -' : `${(100 * v).toFixed(0).padStart(3)}%`);
if (!process.argv.includes('--quiet')) {
  console.log('day        hh  actual forecast naive | on duty  actual% forecast% naive%');
  for (const r of rows) {
    if (r.actualArrivals === 0 && r.forecastArrivals < 0.5 && r.naiveArrivals === 0) continue;
    console.log(`${r.day} ${String(r.hour).padStart(2)}  ${String(r.actualArrivals).padStart(6)} ${r.forecastArrivals.toFixed(1).padStart(8)} ${String(r.naiveArrivals).padStart(5)} | ${r.techniciansOnDuty.toFixed(1).padStart(7)}  ${pct(r.actualShare).padStart(7)} ${pct(r.forecastShare).padStart(9)} ${pct(r.naiveShare).padStart(6)}`);
  }
}

const arrivalsForecast = errors(rows.map((r) => [r.forecastArrivals, r.actualArrivals]));
const arrivalsNaive = errors(rows.map((r) => [r.naiveArrivals, r.actualArrivals]));
// Shares are scored on hours with enough arrivals for the observed share to mean something, and
// only where the naive forecast has a value, so both are judged on the same hours.
const scored = rows.filter((r) => r.actualArrivals >= minimumArrivalsForShare && r.naiveShare !== null);
const shareModel = errors(scored.map((r) => [r.forecastShare, r.actualShare!]));
const shareA = errors(scored.map((r) => [r.forecastShareErlangA, r.actualShare!]));
const shareC = errors(scored.map((r) => [r.forecastShareErlangC, r.actualShare!]));
const shareNaive = errors(scored.map((r) => [r.naiveShare!, r.actualShare!]));
const line = (name: string, e: { mae: number; rmse: number; n: number }, base: { mae: number; rmse: number }, scale = 1, unit = '') =>
  console.log(`| ${name} | ${(e.mae * scale).toFixed(2)}${unit} | ${(e.rmse * scale).toFixed(2)}${unit} | ${(e.rmse / base.rmse).toFixed(2)} | ${e.n} |`);

console.log(`\n${input} (${format}); fit on ${days[0]}..${days[6]}, checked on ${days[7]}..${days[13]}; target ${targetSeconds} s; ${elapsedMs.toFixed(0)} ms`);
console.log(`day types from the opening hours: own type (weekend, short days) ${[...dayTypes.ownTypeWeekdays].join(',') || 'none'}; closed ${[...dayTypes.closedWeekdays].join(',') || 'none'} (0 = Sunday)`);
console.log(`service times (training): ${categories.map((c) => `${c.categoryId} n=${c.count} mean ${c.meanSeconds.toFixed(0)} s SCV ${c.scv.toFixed(2)}`).join('; ')}`);
console.log(`mixture: mean ${mix.meanSeconds.toFixed(0)} s, SCV ${mix.scv.toFixed(2)}; mean patience (censored MLE) ${meanPatienceSeconds.toFixed(0)} s`);
console.log('\n| forecast | MAE | RMSE | RMSE / naive | hours |\n| --- | --- | --- | --- | --- |');
line('arrivals per hour, naive (same hour last week)', arrivalsNaive, arrivalsNaive);
line('arrivals per hour, pooled profile', arrivalsForecast, arrivalsNaive);
line(`share within ${targetSeconds} s, naive (last week's share)`, shareNaive, shareNaive, 100, ' pt');
line(`share within ${targetSeconds} s, Erlang C, pooled arrivals, staff on duty`, shareC, shareNaive, 100, ' pt');
line(`share within ${targetSeconds} s, Erlang A, pooled arrivals, staff on duty`, shareA, shareNaive, 100, ' pt');
line(`share within ${targetSeconds} s, model: Erlang A, SCV, efficiency ${model.staffEfficiency.toFixed(2)}`, shareModel, shareNaive, 100, ' pt');
console.log(`\ntotal arrivals days 8-14: actual ${rows.reduce((a, r) => a + r.actualArrivals, 0)}, pooled ${rows.reduce((a, r) => a + r.forecastArrivals, 0).toFixed(0)}, naive ${rows.reduce((a, r) => a + r.naiveArrivals, 0)}`);
