import type { ManagerBoard, ReportFigures } from '@walkup/domain';

export type ReportGrouping = 'site' | 'queue' | 'category' | 'technician' | 'day' | 'hour' | 'weekday';

/** GET /api/reports/figures (and .csv): local calendar days of the site, inclusive. */
export interface FiguresQuery {
  from: string;
  to: string;
  siteId?: string;
  /** Comma-separated groupings, at most three. */
  groupBy?: string;
  targetWaitMinutes?: number;
  lang?: 'en' | 'fr';
}

export interface FiguresRow {
  key: Partial<Record<ReportGrouping, string | number>>;
  labels: Record<string, string>;
  figures: ReportFigures;
}

export interface FiguresReport {
  from: string;
  to: string;
  siteIds: string[];
  groupBy: ReportGrouping[];
  targetWaitSeconds: number;
  rows: FiguresRow[];
  total: ReportFigures | null;
}

/** GET /api/manager/board */
export interface BoardsResponse {
  boards: ManagerBoard[];
}

/** POST /api/manager/sites/:siteId/staffing */
export interface StaffingRequest {
  weekStart: string;
  targetWaitMinutes: number;
  goalPercent: number;
  /** 168 values: technicians planned per hour, day by day. */
  roster?: number[];
  holidays?: string[];
}

export interface StaffingHourView {
  day: string;
  hour: number;
  expectedArrivals: number;
  meanServiceSeconds: number;
  techniciansNeeded: number;
  planned: number | null;
  plannedServiceLevel: number | null;
}

export interface StaffingPlanView {
  hours: StaffingHourView[];
  meanPatienceSeconds: number | null;
  /** Squared coefficient of variation of service times. */
  serviceScv: number;
  /** Share of the technicians on duty in effect serving, fitted on the history. */
  staffEfficiency: number;
}
