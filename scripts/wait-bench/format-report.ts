import type { Scores } from './score-predictions.ts';

export interface ScoreTable {
  title: string;
  rows: Array<{ predictor: string; scores: Scores }>;
}

const fixed = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '-');
const percent = (x: number | null) => (x === null || !Number.isFinite(x) ? '-' : `${(x * 100).toFixed(1)}%`);

export function formatTable(table: ScoreTable): string {
  const header = ['predictor', 'n', 'RMSE s', 'MAE s', 'RRASE', 'bias s', 'under', 'coverage'];
  const rows = table.rows.map(({ predictor, scores: s }) => [
    predictor,
    String(s.n),
    fixed(s.rmse),
    fixed(s.mae),
    fixed(s.rrase, 3),
    fixed(s.bias),
    percent(s.underPredicted),
    percent(s.coverage),
  ]);
  return grid(table.title, header, rows);
}

/** Rows = predictors, columns = queues: RMSE at joining. */
export function formatPerQueue(title: string, queues: string[], rows: Array<{ predictor: string; byQueue: Record<string, Scores> }>): string {
  const header = ['predictor', ...queues.map((q) => `${q} (n=${rows[0]?.byQueue[q]?.n ?? 0})`)];
  return grid(title, header, rows.map((r) => [r.predictor, ...queues.map((q) => fixed(r.byQueue[q]?.rmse ?? Number.NaN))]));
}

function grid(title: string, header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [title, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
