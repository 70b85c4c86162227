import { erlangA } from './erlang-a.ts';

/**
 * What the staffing forecast knows about a site besides its arrivals, all learned from history:
 * the service-time distribution's mean and SCV (a mixture of the categories), the mean patience of
 * waiting visitors, and the staff efficiency (the share of technicians on duty who are, in effect,
 * serving this queue: breaks, other work and skills a technician lacks make a roster serve less
 * than its head count; 1 = every technician on duty serves anyone at any time).
 */
export interface StaffingModel {
  meanServiceSeconds: number;
  /** Squared coefficient of variation of service times (1 for exponential). */
  serviceScv: number;
  /** Infinity when nobody gives up (Erlang C). */
  meanPatienceSeconds: number;
  staffEfficiency: number;
}

/** Erlang for a fractional staff (a technician on duty half the hour): linear between the two whole staffs. */
export function atFractionalStaff(staff: number, levelOf: (servers: number) => number): number {
  const lower = Math.floor(staff);
  const weight = staff - lower;
  return weight === 0 ? levelOf(lower) : (1 - weight) * levelOf(lower) + weight * levelOf(lower + 1);
}

/**
 * Share of an hour's arrivals called within the target with `staff` technicians on duty: Erlang A
 * (M/M/c+M) for the effective staff (staff x efficiency), with the target rescaled for the service
 * times' variability. Erlang A assumes exponential service times; for general ones (M/G/c) waiting
 * times scale by about (1 + SCV) / 2 (Allen-Cunneen / Kingman), so the target counts 2 / (1 + SCV)
 * of its length: with an SCV of 1.5 a 60 s target behaves like 48 s of an exponential system.
 */
export function shareWithinTarget(model: StaffingModel, arrivalsPerHour: number, staff: number, targetSeconds: number): number {
  const levelOf = wholeStaffLevels(model, targetSeconds);
  return atFractionalStaff(staff * model.staffEfficiency, (servers) => levelOf(arrivalsPerHour, servers));
}

/** Erlang A's share within the (rescaled) target for whole staffs; the efficiency only decides which staffs are asked. */
function wholeStaffLevels(model: Omit<StaffingModel, 'staffEfficiency'>, targetSeconds: number): (arrivalsPerHour: number, servers: number) => number {
  const scaledTarget = (targetSeconds * 2) / (1 + model.serviceScv);
  return (arrivalsPerHour, servers) => erlangA(servers, { arrivalsPerHour, meanServiceSeconds: model.meanServiceSeconds, meanPatienceSeconds: model.meanPatienceSeconds }, scaledTarget).serviceLevel;
}

/** Fewest technicians on duty for `goalShare` of the hour's arrivals to be called within the target. */
export function staffNeeded(model: StaffingModel, arrivalsPerHour: number, targetSeconds: number, goalShare: number, maxStaff = 500): number {
  if (arrivalsPerHour <= 0) return 0;
  for (let staff = 1; staff <= maxStaff; staff++) if (shareWithinTarget(model, arrivalsPerHour, staff, targetSeconds) >= goalShare) return staff;
  return maxStaff;
}

/** One past hour: how many came, how many were called within the target, technician-hours on duty. */
export interface StaffedHour {
  arrivals: number;
  calledWithinTarget: number;
  staffOnDuty: number;
  /** How much the hour counts in a fit (recent weeks more than old ones); 1 when absent. */
  weight?: number;
}

/**
 * Weight of an hour `weeksAgo` whole weeks before the planned week (0 = the last week) when fitting
 * on several weeks: halved every `halfLifeWeeks`, so the last weeks lead and older ones still steady
 * the fit (a single week has few busy hours and follows one week's accidents).
 */
export function recentWeekWeight(weeksAgo: number, halfLifeWeeks = 2): number {
  return 0.5 ** (weeksAgo / halfLifeWeeks);
}

/**
 * The staff efficiency that best explains past hours: least squares between the observed share
 * called within the target and `shareWithinTarget` for the hour's actual arrivals and staff, over
 * hours with at least `minimumArrivals` (fewer make the observed share mostly noise), each hour
 * counted by its `weight`, on a grid of
 * 0.30..1.00 to 0.01 (every 0.05, then every 0.01 around the best). It is the one parameter fitted to service levels, and only on history.
 * Returns 1 when no hour qualifies.
 */
export function fitStaffEfficiency(hours: readonly StaffedHour[], model: Omit<StaffingModel, 'staffEfficiency'>, targetSeconds: number, minimumArrivals = 10): number {
  const usable = hours.filter((h) => h.arrivals >= minimumArrivals && h.staffOnDuty > 0 && (h.weight ?? 1) > 0);
  if (usable.length === 0) return 1;
  // Erlang A depends on the arrivals and the whole staff only, not on the efficiency: weeks of hours
  // and two dozen candidates ask for a few hundred distinct values, each computed once.
  const computed = wholeStaffLevels(model, targetSeconds);
  const known = new Map<string, number>();
  const levelOf = (arrivals: number, servers: number) => {
    const key = `${arrivals}|${servers}`;
    let level = known.get(key);
    if (level === undefined) known.set(key, (level = computed(arrivals, servers)));
    return level;
  };
  const errorAt = (percent: number) =>
    usable.reduce((sum, h) => {
      const predicted = atFractionalStaff(h.staffOnDuty * (percent / 100), (servers) => levelOf(h.arrivals, servers));
      return sum + (h.weight ?? 1) * (predicted - h.calledWithinTarget / h.arrivals) ** 2;
    }, 0);
  // Every 5 points, then every point around the best: the error is smooth in the efficiency.
  const bestOf = (percents: number[]) => percents.reduce((best, percent) => {
    const error = errorAt(percent);
    return error < best.error - 1e-12 ? { percent, error } : best;
  }, { percent: 100, error: Infinity });
  const coarse = bestOf(Array.from({ length: 15 }, (_, i) => 30 + 5 * i));
  const fine = Array.from({ length: 9 }, (_, i) => coarse.percent - 4 + i).filter((p) => p >= 30 && p <= 100);
  return bestOf(fine).percent / 100;
}

/**
 * Technician-hours on duty per local day x hour, inferred from services alone (no roster is
 * recorded): a technician is on duty from the start of a stretch of services to its end, stretches
 * split where they sat idle more than `maxIdleSeconds` (30 min by default, as the bank log's import
 * does). Times are local wall-clock ISO strings (`YYYY-MM-DDTHH:mm:ss`); the answer maps
 * `YYYY-MM-DD` to 24 hourly values.
 */
export function staffOnDutyByHour(services: readonly { technicianId: string; start: string; end: string }[], maxIdleSeconds = 1800): Map<string, number[]> {
  const byTechnician = new Map<string, Array<[number, number]>>();
  for (const s of services) {
    const list = byTechnician.get(s.technicianId) ?? [];
    list.push([Date.parse(`${s.start.slice(0, 19)}Z`), Date.parse(`${s.end.slice(0, 19)}Z`)]);
    byTechnician.set(s.technicianId, list);
  }
  const duty = new Map<string, number[]>();
  const add = (fromMs: number, toMs: number) => {
    for (let cursor = fromMs; cursor < toMs; ) {
      const hourEnd = Math.min(toMs, (Math.floor(cursor / 3_600_000) + 1) * 3_600_000);
      const iso = new Date(cursor).toISOString();
      const day = duty.get(iso.slice(0, 10)) ?? new Array<number>(24).fill(0);
      day[Number(iso.slice(11, 13))]! += (hourEnd - cursor) / 3_600_000;
      duty.set(iso.slice(0, 10), day);
      cursor = hourEnd;
    }
  };
  for (const stretches of byTechnician.values()) {
    stretches.sort((a, b) => a[0] - b[0]);
    let [from, to] = stretches[0]!;
    for (const [start, end] of stretches.slice(1)) {
      if (start - to > maxIdleSeconds * 1000) {
        add(from, to);
        from = start;
      }
      to = Math.max(to, end);
    }
    add(from, to);
  }
  return duty;
}

/**
 * Mean patience by maximum likelihood for exponential patience with censoring: a visitor who was
 * called had waited less than their patience, so mean = total time waited by everyone who queued /
 * number who gave up. Infinity when nobody gave up (Erlang C).
 */
export function estimateMeanPatienceSeconds(waits: readonly { seconds: number; abandoned: boolean }[]): number {
  const abandoned = waits.filter((w) => w.abandoned).length;
  const waited = waits.reduce((a, w) => a + w.seconds, 0);
  return abandoned > 0 ? waited / abandoned : Infinity;
}
