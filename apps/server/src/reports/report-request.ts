import { InvalidInputError, NotFoundError } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import type { Principal } from '../auth/principal.ts';
import { listSites } from '../queries/sites.ts';
import { reportGroupings, type ReportGrouping } from './report-queries.ts';

/** Longest range one request may cover: three years of buckets stays well under a second. */
export const maxRangeDays = 3 * 366;

function isCalendarDay(day: string): boolean {
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

/** Checks a from..to range of local calendar days (inclusive); says which end is wrong. */
export function parseDayRange(from: string, to: string): { from: string; to: string; days: number } {
  if (!isCalendarDay(from)) throw new InvalidInputError('invalid_range', `'from' (${from}) is not a calendar day YYYY-MM-DD`);
  if (!isCalendarDay(to)) throw new InvalidInputError('invalid_range', `'to' (${to}) is not a calendar day YYYY-MM-DD`);
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  if (days < 1) throw new InvalidInputError('invalid_range', `'from' (${from}) is after 'to' (${to})`);
  if (days > maxRangeDays) throw new InvalidInputError('invalid_range', `the range covers ${days} days; at most ${maxRangeDays} per request`);
  return { from, to, days };
}

export function parseGroupBy(groupBy: string | undefined): ReportGrouping[] {
  if (!groupBy) return [];
  const parts = groupBy.split(',').map((part) => part.trim());
  for (const part of parts) {
    if (!(reportGroupings as readonly string[]).includes(part)) {
      throw new InvalidInputError('invalid_grouping', `cannot group by '${part}'; choose among ${reportGroupings.join(', ')}`);
    }
  }
  if (new Set(parts).size !== parts.length) throw new InvalidInputError('invalid_grouping', `'${groupBy}' names a grouping twice`);
  if (parts.length > 3) throw new InvalidInputError('invalid_grouping', 'group by at most three dimensions at once');
  return parts as ReportGrouping[];
}

/**
 * The sites a report covers: the one asked for (the scope hook has already refused another site's),
 * or every site the caller sees. An unknown site is a 404, not an empty report.
 */
export async function resolveReportSites(db: Db, principal: Principal, siteId: string | undefined): Promise<string[]> {
  const sites = await listSites(db);
  if (siteId !== undefined) {
    if (!sites.some((site) => site.id === siteId)) throw new NotFoundError('site', siteId);
    return [siteId];
  }
  return sites.map((site) => site.id).filter((id) => principal.siteIds === 'all' || principal.siteIds.includes(id));
}
