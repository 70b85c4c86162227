import { formatClockTime, type WaitAccuracyPoint } from '@walkup/client';
import { useEffect, useRef, useState } from 'preact/hooks';
import type uPlot from 'uplot';
import { useConsole } from './console-context.ts';

const refreshMs = 60_000;
const minutes = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 60) * 10) / 10);

function toSeries(points: WaitAccuracyPoint[]): uPlot.AlignedData {
  const sorted = [...points].sort((a, b) => a.checkedInAt.localeCompare(b.checkedInAt));
  return [
    sorted.map((p) => Date.parse(p.checkedInAt) / 1000),
    sorted.map((p) => minutes(p.estimatedSeconds)),
    sorted.map((p) => minutes(p.actualSeconds)),
    sorted.map((p) => minutes(p.lowSeconds)),
    sorted.map((p) => minutes(p.highSeconds)),
  ];
}

/**
 * Estimated against actual wait for today's visitors: the quickest way for a team lead to see whether
 * the kiosk is promising too much. uPlot is imported on demand so the console paints without it.
 */
export function WaitAccuracyChart({ siteId }: { siteId: string }) {
  const store = useConsole();
  const { t, lang } = store.i18n;
  const container = useRef<HTMLDivElement>(null);
  const [points, setPoints] = useState<WaitAccuracyPoint[] | null>(null);

  useEffect(() => {
    let cancelled = false;
    const load = () =>
      store.api.getWaitAccuracy(siteId).then(
        (result) => !cancelled && setPoints(result),
        () => !cancelled && setPoints([]),
      );
    void load();
    const timer = setInterval(load, refreshMs);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [siteId, store]);

  useEffect(() => {
    if (!points || points.length === 0 || !container.current) return;
    let chart: uPlot | null = null;
    let cancelled = false;
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([{ default: UPlot }]) => {
      if (cancelled || !container.current) return;
      const width = container.current.clientWidth || 320;
      const band = { stroke: '#8ea4c8', dash: [4, 4], width: 1 };
      // Times of day as the site keeps them (its zone, 24-hour), like every other time in the console,
      // not the browser's zone and a US "12:45pm".
      const timeZone = store.config.value?.timeZone;
      const clock = (seconds: number) => formatClockTime(new Date(seconds * 1000).toISOString(), lang.value, timeZone);
      chart = new UPlot(
        {
          width,
          height: 200,
          // Padded ranges: a single visit or equal values would otherwise collapse the axes.
          scales: {
            x: { time: true, range: (_u, min, max) => [min - 1800, max + 1800] },
            y: { range: (_u, _min, max) => [0, Math.max(10, Math.ceil((max ?? 0) * 1.1))] },
          },
          series: [
            { value: (_u, seconds) => (seconds === null ? '--' : clock(seconds)) },
            { label: t('chartEstimated'), stroke: '#1f5fbf', width: 2, points: { show: true, size: 6 } },
            { label: t('chartActual'), stroke: '#b3261e', width: 2, points: { show: true, size: 6 } },
            { label: t('chartLow'), ...band },
            { label: t('chartHigh'), ...band },
          ],
          axes: [{ values: (_u, splits) => splits.map(clock) }, { label: 'min' }],
        },
        toSeries(points),
        container.current,
      );
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
    // Redrawn on a language switch too: the legend labels are translated.
  }, [points, lang.value]);

  if (points === null) return <p>{t('loading')}</p>;
  if (points.length === 0) return <p class="muted">{t('chartEmpty')}</p>;
  return <div ref={container} data-testid="wait-accuracy-chart" />;
}
