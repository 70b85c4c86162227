import type { FiguresQuery, FiguresReport, FiguresRow, ReportGrouping } from '@walkup/client';
import type { ReportFigures } from '@walkup/domain';
import { useState } from 'preact/hooks';
import { useConsole } from '../console-context.ts';
import { FiguresChart } from './FiguresChart.tsx';
import { useManagerText, type ManagerMessage } from './manager-messages.ts';
import { SiteSelect } from '../admin/SiteSelect.tsx';

const groupings: ReportGrouping[] = ['site', 'queue', 'category', 'technician', 'day', 'hour', 'weekday'];
const today = () => new Date().toISOString().slice(0, 10);
const minutes = (seconds: number | null) => (seconds === null ? '—' : `${Math.round((seconds / 60) * 10) / 10} min`);
const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);

const columns: Array<[ManagerMessage, (f: ReportFigures) => string]> = [
  ['visits', (f) => String(f.visits)],
  ['waitMean', (f) => minutes(f.waitMean)],
  ['waitMedian', (f) => minutes(f.waitMedian)],
  ['waitP90', (f) => minutes(f.waitP90)],
  ['shareWithinTarget', (f) => percent(f.shareWithinTarget)],
  ['serviceMean', (f) => minutes(f.serviceMean)],
  ['noShows', (f) => String(f.noShows)],
  ['cancelled', (f) => String(f.cancelled)],
  ['transfers', (f) => String(f.transfers)],
  ['escalated', (f) => String(f.escalated)],
  ['resolvedAtDesk', (f) => String(f.resolvedAtDesk)],
  ['feedbackMean', (f) => (f.feedbackMean === null ? '—' : String(f.feedbackMean))],
  ['estimateError', (f) => minutes(f.estimateMeanAbsoluteError)],
];

/** Figures over any range: a table, a chart of waits per group, and CSV downloads. */
export function ReportsPanel() {
  const store = useConsole();
  const t = useManagerText();
  const lang = store.i18n.lang.value;
  const [form, setForm] = useState({ from: today(), to: today(), siteId: '', groupBy: 'hour' as ReportGrouping | '' });
  const [report, setReport] = useState<FiguresReport | null>(null);
  const [busy, setBusy] = useState(false);
  const query: FiguresQuery = { from: form.from, to: form.to, lang, ...(form.siteId ? { siteId: form.siteId } : {}), ...(form.groupBy ? { groupBy: form.groupBy } : {}) };
  const labelOf = (row: FiguresRow) => (report?.groupBy ?? []).map((g) => row.labels[g]).join(' · ');

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      setReport(await store.api.getFigures(query));
    } catch (error) {
      store.reportError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="reports-title">
      <h2 id="reports-title">{t('reportsTitle')}</h2>
      <form class="admin-form report-form" onSubmit={onSubmit}>
        <div class="field">
          <label for="report-from">{t('from')}</label>
          <input id="report-from" type="date" required value={form.from} onInput={(e) => setForm({ ...form, from: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="report-to">{t('to')}</label>
          <input id="report-to" type="date" required value={form.to} onInput={(e) => setForm({ ...form, to: e.currentTarget.value })} />
        </div>
        <SiteSelect id="report-site" value={form.siteId} emptyLabel={t('allSites')} onChange={(siteId) => setForm({ ...form, siteId })} />
        <div class="field">
          <label for="report-group">{t('groupBy')}</label>
          <select id="report-group" value={form.groupBy} onChange={(e) => setForm({ ...form, groupBy: e.currentTarget.value as ReportGrouping | '' })}>
            <option value="">{t('group_none')}</option>
            {groupings.map((g) => (
              <option key={g} value={g}>
                {t(`group_${g}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t('show')}
        </button>
        <a class="btn" href={store.api.figuresCsvUrl(query)} download>
          {t('downloadFigures')}
        </a>
        <a class="btn" href={store.api.visitsCsvUrl({ from: form.from, to: form.to, lang, ...(form.siteId ? { siteId: form.siteId } : {}) })} download data-testid="download-visits">
          {t('downloadVisits')}
        </a>
      </form>
      {report && (report.total === null ? <p class="muted">{t('noFigures')}</p> : <FiguresTable report={report} labelOf={labelOf} />)}
      {report && report.rows.length > 1 && <FiguresChart rows={report.rows} labelOf={labelOf} />}
    </section>
  );
}

function FiguresTable({ report, labelOf }: { report: FiguresReport; labelOf: (row: FiguresRow) => string }) {
  const t = useManagerText();
  const group = report.groupBy[0];
  return (
    <div class="table-scroll">
      <table class="data-table" data-testid="figures-table">
        <thead>
          <tr>
            <th scope="col">{group ? t(`group_${group}`) : ''}</th>
            {columns.map(([label]) => (
              <th key={label} scope="col">
                {t(label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr key={labelOf(row)}>
              <th scope="row">{labelOf(row)}</th>
              {columns.map(([label, value]) => (
                <td key={label}>{value(row.figures)}</td>
              ))}
            </tr>
          ))}
          <tr class="total-row">
            <th scope="row">{t('total')}</th>
            {columns.map(([label, value]) => (
              <td key={label}>{value(report.total!)}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
