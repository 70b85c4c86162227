import type { FiguresRow } from '@walkup/client';
import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';
import { useConsole } from '../console-context.ts';
import { useManagerText } from './manager-messages.ts';

const minutes = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 60) * 10) / 10);

/** Mean, median and 90th-percentile wait per group, as bars a manager compares at a glance. */
export function FiguresChart({ rows, labelOf }: { rows: FiguresRow[]; labelOf: (row: FiguresRow) => string }) {
  const t = useManagerText();
  const lang = useConsole().i18n.lang.value;
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (rows.length === 0 || !container.current) return;
    let chart: uPlot | null = null;
    let cancelled = false;
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([{ default: UPlot }]) => {
      if (cancelled || !container.current) return;
      const bars = UPlot.paths.bars!({ size: [0.25, 40] });
      const labels = rows.map(labelOf);
      chart = new UPlot(
        {
          width: container.current.clientWidth || 480,
          height: 240,
          scales: { x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(5, Math.ceil((max ?? 0) * 1.1))] } },
          series: [
            {},
            { label: t('waitMean'), stroke: '#1f5fbf', fill: '#1f5fbf99', paths: bars },
            { label: t('waitMedian'), stroke: '#2e7d32', width: 2 },
            { label: t('waitP90'), stroke: '#b3261e', width: 2 },
          ],
          axes: [{ values: (_u, splits) => splits.map((i) => labels[i] ?? '') }, { label: t('minutes') }],
        },
        [rows.map((_, i) => i), rows.map((r) => minutes(r.figures.waitMean)), rows.map((r) => minutes(r.figures.waitMedian)), rows.map((r) => minutes(r.figures.waitP90))],
        container.current,
      );
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
    // Redrawn on a language switch too: the legend is translated.
  }, [rows, lang]);
  return <div ref={container} data-testid="figures-chart" role="img" aria-label={rows.map((r) => `${labelOf(r)}: ${minutes(r.figures.waitMean) ?? '-'} ${t('minutes')}`).join('; ')} />;
}
