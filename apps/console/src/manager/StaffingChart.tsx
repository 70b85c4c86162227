import type { StaffingHourView } from '@walkup/client';
import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';
import { useConsole } from '../console-context.ts';
import { useManagerText } from './manager-messages.ts';

/**
 * The week at a glance: bars of technicians needed per hour, the planned roster as a step line on the
 * same axis, and the roster's expected share called within the target (right axis, %).
 */
export function StaffingChart({ hours, dayLabel }: { hours: StaffingHourView[]; dayLabel: (day: string) => string }) {
  const t = useManagerText();
  const lang = useConsole().i18n.lang.value;
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (hours.length === 0 || !container.current) return;
    let chart: uPlot | null = null;
    let cancelled = false;
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([{ default: UPlot }]) => {
      if (cancelled || !container.current) return;
      const bars = UPlot.paths.bars!({ size: [0.8, 12] });
      const steps = UPlot.paths.stepped!({ align: 1 });
      const tick = (i: number) => (i % 24 === 0 ? dayLabel(hours[i]!.day) : i % 6 === 0 ? `${i % 24}h` : '');
      chart = new UPlot(
        {
          width: container.current.clientWidth || 720,
          height: 260,
          scales: { x: { time: false, range: [-0.5, hours.length - 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(3, Math.ceil((max ?? 0) + 1))] }, level: { range: [0, 100] } },
          series: [
            {},
            { label: t('staffingNeeded'), stroke: '#1f5fbf', fill: '#1f5fbf99', paths: bars, scale: 'y' },
            { label: t('staffingPlanned'), stroke: '#2e7d32', width: 2, paths: steps, scale: 'y' },
            { label: t('staffingLevel'), stroke: '#b3261e', width: 1.5, dash: [4, 3], scale: 'level' },
          ],
          axes: [
            { splits: () => hours.map((_, i) => i).filter((i) => i % 6 === 0), values: (_u, splits) => splits.map(tick) },
            { label: t('technicians'), scale: 'y' },
            { label: '%', scale: 'level', side: 1, grid: { show: false } },
          ],
        },
        [
          hours.map((_, i) => i),
          hours.map((h) => h.techniciansNeeded),
          hours.map((h) => h.planned),
          hours.map((h) => (h.plannedServiceLevel === null || h.expectedArrivals === 0 ? null : Math.round(h.plannedServiceLevel * 100))),
        ],
        container.current,
      );
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
    // Redrawn on a language switch too: legend and day names are translated.
  }, [hours, lang]);
  const peak = hours.reduce((best, h) => (h.techniciansNeeded > (best?.techniciansNeeded ?? -1) ? h : best), hours[0]);
  const summary = peak ? t('staffingSummary', { peak: peak.techniciansNeeded, day: dayLabel(peak.day), hour: peak.hour }) : '';
  return <div ref={container} data-testid="staffing-chart" role="img" aria-label={summary} />;
}
