import { arrivalMinuteSampler, createRandom, randomDraws, walkUpArrivalsPerHour } from '@walkup/domain';
import { rates } from '../wait-bench/synthetic-site.ts';
import type { GeneratedSite } from './seed-sites.ts';

/**
 * A seeded walk-up day for each generated site, as a plan the day benchmark replays through the API:
 * when each visitor arrives, what they came for, how long they will wait before leaving, how long
 * their service takes and whether they will not show up or need another queue; and each technician's
 * shift with a coffee break and lunch. Arrivals follow the wait benchmark's synthetic desk (morning and
 * after-lunch peaks, 08:00-17:00), scaled to exactly `visitsPerSite`. Every site draws from its own
 * stream, so site-007 is the same day whether 10 or 100 sites are replayed.
 */
export interface PlannedVisit {
  /** Minutes after midnight (fractional). */
  arrivalMinute: number;
  categoryId: string;
  queueId: string;
  /** Minutes the visitor waits before leaving (the kiosk cancels the visit). */
  patienceMinutes: number;
  serviceSeconds: number;
  walkToDeskSeconds: number;
  outcome: 'resolve' | 'no_show' | 'transfer';
}

export interface PlannedShift {
  technicianId: string;
  deskId: string;
  queueIds: string[];
  /** Presence changes in time order: minute of the day and the status from then on. */
  changes: Array<{ minute: number; status: 'available' | 'break' | 'off' }>;
}

export interface SiteDayPlan {
  site: GeneratedSite;
  visits: PlannedVisit[];
  shifts: PlannedShift[];
}

export const dayStartMinute = 8 * 60;
export const dayEndMinute = 18 * 60;

/** Category mix: a little more hardware than software; password resets are short and go first. */
const categoryWeights = [0.25, 0.3, 0.2, 0.25];
/** Three shift patterns cover 08:00-18:00; technicians take them in turn. */
const shiftPatterns: Array<[number, number]> = [
  [8 * 60, 16 * 60 + 30],
  [8 * 60 + 30, 17 * 60],
  [9 * 60 + 30, 18 * 60],
];

export function planWalkupDay(sites: readonly GeneratedSite[], options: { visitsPerSite: number; seed: number }): SiteDayPlan[] {
  return sites.map((site, siteIndex) => {
    const random = createRandom(options.seed * 1_000_003 + siteIndex);
    const { normal, exponential } = randomDraws(random);
    const arrivalMinute = arrivalMinuteSampler(dayStartMinute, dayEndMinute, walkUpArrivalsPerHour, random);
    const pickCategory = () => {
      let pick = random();
      const index = categoryWeights.findIndex((w) => (pick -= w) < 0);
      return site.categories[index < 0 ? 0 : index % site.categories.length]!;
    };

    const visits: PlannedVisit[] = Array.from({ length: options.visitsPerSite }, () => {
      const minute = arrivalMinute();
      const category = pickCategory();
      const outcomeDraw = random();
      return {
        arrivalMinute: minute + random(),
        categoryId: category.id,
        queueId: category.queueId,
        patienceMinutes: exponential(rates.patienceMinutes),
        // Real services run a bit under the configured expectation, with a long tail.
        serviceSeconds: 0.6 * category.expectedServiceSeconds * Math.exp(0.5 * normal()),
        walkToDeskSeconds: rates.walkToDeskSeconds * Math.exp(0.4 * normal()),
        outcome: outcomeDraw < rates.noShowShare ? 'no_show' : outcomeDraw < rates.noShowShare + rates.transferShare ? 'transfer' : 'resolve',
      };
    });
    visits.sort((a, b) => a.arrivalMinute - b.arrivalMinute);

    const shifts: PlannedShift[] = site.technicianIds.map((technicianId, t) => {
      const [from, to] = shiftPatterns[t % shiftPatterns.length]!;
      const jitter = () => 5 * normal();
      const start = Math.max(dayStartMinute, from + Math.abs(jitter()));
      const coffee = from + 120 + 20 * random();
      const lunch = Math.max(11 * 60 + 30, from + 210) + 45 * random();
      return {
        technicianId,
        deskId: site.deskIds[t]!,
        queueIds: t % 2 === 0 ? site.queueIds : [site.queueIds[0]!],
        changes: [
          { minute: start, status: 'available' as const },
          { minute: coffee, status: 'break' as const },
          { minute: coffee + 15, status: 'available' as const },
          { minute: lunch, status: 'break' as const },
          { minute: lunch + 30 + 15 * random(), status: 'available' as const },
          { minute: Math.min(dayEndMinute - 1, to + jitter()), status: 'off' as const },
        ],
      };
    });
    return { site, visits, shifts };
  });
}
