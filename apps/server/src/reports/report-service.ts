import { reportFigures, type ReportFigures } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import type { Principal } from '../auth/principal.ts';
import { loadReportLabels, type ReportLabels } from './report-labels.ts';
import { listReportVisits, readTargetWaitSeconds, sumReportBuckets, type ReportGroupKey, type ReportGrouping, type VisitExportRow } from './report-queries.ts';
import { parseDayRange, parseGroupBy, resolveReportSites } from './report-request.ts';
import { defaultTargetWaitSeconds } from './report-schema.ts';
import { toCsv } from './csv.ts';

export interface ReportQuery {
  from: string;
  to: string;
  siteId?: string;
  groupBy?: string;
  targetWaitMinutes?: number;
  lang?: 'en' | 'fr';
}

export interface ReportDeps {
  db: Db;
  /** Brings the report tables up to the end of the log before answering. */
  catchUp: () => Promise<void>;
}

const weekdayNames = { en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'], fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'] };

function labelOf(labels: ReportLabels, grouping: ReportGrouping, key: ReportGroupKey, lang: 'en' | 'fr'): string {
  switch (grouping) {
    case 'site': return labels.site(key.site!);
    case 'queue': return labels.queue(key.queue!);
    case 'category': return labels.category(key.category!);
    case 'technician': return labels.technician(key.technician || null);
    case 'day': return key.day!;
    case 'hour': return `${String(key.hour).padStart(2, '0')}:00`;
    case 'weekday': return weekdayNames[lang][key.weekday!]!;
  }
}

/** The figures of a range, grouped as asked, with a total row and names for every id. */
export async function buildFiguresReport(deps: ReportDeps, principal: Principal, query: ReportQuery) {
  const range = parseDayRange(query.from, query.to);
  const groupBy = parseGroupBy(query.groupBy);
  const siteIds = await resolveReportSites(deps.db, principal, query.siteId);
  const lang = query.lang ?? 'en';
  const siteTarget = siteIds.length === 1 ? await readTargetWaitSeconds(deps.db, siteIds[0]!) : null;
  const targetWaitSeconds = query.targetWaitMinutes !== undefined ? query.targetWaitMinutes * 60 : (siteTarget ?? defaultTargetWaitSeconds);
  await deps.catchUp();
  const filter = { siteIds, from: range.from, to: range.to };
  const [groups, [total], labels] = await Promise.all([sumReportBuckets(deps.db, filter, groupBy), sumReportBuckets(deps.db, filter, []), loadReportLabels(deps.db, siteIds, lang)]);
  const rows = groups.map(({ key, totals }) => ({
    key,
    labels: Object.fromEntries(groupBy.map((g) => [g, labelOf(labels, g, key, lang)])) as Record<string, string>,
    figures: reportFigures(totals, targetWaitSeconds),
  }));
  return { from: range.from, to: range.to, siteIds, groupBy, targetWaitSeconds, rows, total: total ? reportFigures(total.totals, targetWaitSeconds) : null };
}

const figureColumns: Array<keyof ReportFigures> = [
  'visits', 'served', 'waitMean', 'waitMedian', 'waitP90', 'waitMax', 'shareWithinTarget', 'serviceMean', 'serviceMedian', 'serviceP90',
  'noShows', 'cancelled', 'transfers', 'escalated', 'resolvedAtDesk', 'resolvedAtDeskShare', 'feedbackCount', 'feedbackMean', 'feedbackHappyShare', 'feedbackUnhappyShare',
  'estimateBias', 'estimateMeanAbsoluteError', 'estimateCloseShare',
];

export function figuresCsv(report: Awaited<ReturnType<typeof buildFiguresReport>>): string {
  const header = [...report.groupBy, ...figureColumns.map((c) => (c.startsWith('wait') || c.startsWith('service') || c.startsWith('estimateB') || c.startsWith('estimateM') ? `${c}Seconds` : c))];
  return toCsv(header, report.rows.map((row) => [...report.groupBy.map((g) => row.labels[g]), ...figureColumns.map((c) => row.figures[c])]));
}

/** Names, e-mails and notes are personal data: only admins export them, and never once anonymised. */
export const canSeePersonalData = (principal: Principal) => principal.role === 'admin';

export async function buildVisitExport(deps: ReportDeps, principal: Principal, query: ReportQuery, limit: number) {
  const range = parseDayRange(query.from, query.to);
  const siteIds = await resolveReportSites(deps.db, principal, query.siteId);
  await deps.catchUp();
  const rows = await listReportVisits(deps.db, { siteIds, from: range.from, to: range.to }, limit);
  const personal = canSeePersonalData(principal);
  const labels = await loadReportLabels(deps.db, siteIds, query.lang ?? 'en');
  return {
    personalData: personal,
    rows: rows.map((row): VisitExportRow & { queueName: string; categoryName: string; technicianName: string | null; deskName: string | null } => ({
      ...row,
      visitorName: personal ? row.visitorName : null,
      visitorEmail: personal ? row.visitorEmail : null,
      queueName: labels.queue(row.queueId),
      categoryName: labels.category(row.categoryId),
      technicianName: row.technicianId ? labels.technician(row.technicianId) : null,
      deskName: row.deskId ? labels.desk(row.deskId) : null,
    })),
  };
}

export function visitsCsv(visits: Awaited<ReturnType<typeof buildVisitExport>>): string {
  const header = ['ticket', 'site', 'day', 'queue', 'category', 'technician', 'desk', 'checkedInAt', 'calledAt', 'startedAt', 'endedAt', 'outcome', 'waitSeconds', 'serviceSeconds', 'transfers', 'estimateSeconds', 'feedbackScore', 'visitId'];
  if (visits.personalData) header.push('visitorName', 'visitorEmail');
  return toCsv(
    header,
    visits.rows.map((v) => [
      v.ticketNumber, v.siteId, v.day, v.queueName, v.categoryName, v.technicianName, v.deskName, v.checkedInAt, v.calledAt, v.startedAt, v.endedAt, v.outcome,
      v.waitSeconds, v.serviceSeconds, v.transfers, v.estimateSeconds, v.feedbackScore, v.visitId,
      ...(visits.personalData ? [v.visitorName, v.visitorEmail] : []),
    ]),
  );
}
