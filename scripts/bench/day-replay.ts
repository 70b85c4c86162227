import { performance } from 'node:perf_hooks';
import { rates } from '../wait-bench/synthetic-site.ts';
import { kioskHeaders, technicianHeaders } from './credentials.ts';
import type { ServerHandle } from './server-process.ts';
import { dayStartMinute, type PlannedShift, type PlannedVisit, type SiteDayPlan } from './walkup-day-plan.ts';

export interface HourStats { calls: number; checkIns: number; errors: number; latencies: number[]; behindMs: number; rssMb: number; cpuMs: number; benchCpuMs: number }
interface SiteRuntime { plan: SiteDayPlan; waiting: Map<string, number>; callsInFlight: number; wakers: Set<() => void> }
interface VisitRuntime { plan: PlannedVisit; queueId: string; state: 'waiting' | 'called' | 'done'; transferred: boolean }
type Reply = { status: number; body: any; sentAt: number } | null;

/**
 * The people of a simulated day, acting through the API in compressed real time: each site's kiosk
 * checks its visitors in as they arrive (one at a time, so a slow server makes it fall "behind"),
 * visitors leave when their patience runs out, and technicians follow their shifts and serve whoever
 * waits. It records every call per simulated hour; bench-day.ts starts it and prints the figures.
 */
/** Wall time after which a request counts as lost, and the pause before a technician tries again. */
const requestTimeoutMs = 15_000;
const retryAfterMs = 1_000;

export function createDayReplay(options: {
  server: ServerHandle;
  speed: number;
  hours: number;
  endMinute: number;
  /** Each accepted check-in's reply (bench-live-wait records the estimate the kiosk showed). */
  onCheckIn?: (reply: { body: any; sentAt: number }) => void;
}) {
  const { server, speed, endMinute } = options;
  const wallMsPerHour = 3_600_000 / speed;
  const hourStats: HourStats[] = Array.from({ length: Math.ceil(options.hours) }, () => ({ calls: 0, checkIns: 0, errors: 0, latencies: [], behindMs: 0, rssMb: 0, cpuMs: 0, benchCpuMs: 0 }));
  const outcomes = { resolved: 0, noShows: 0, transfers: 0, cancelled: 0, emptyCalls: 0 };
  const statuses = new Map<string, number>();
  const visits = new Map<string, VisitRuntime>();
  const sleepers = new Set<() => void>();
  let replayStart = performance.now();
  let stopping = false;
  let inFlight = 0;

  const hourOf = (at: number) => hourStats[Math.min(hourStats.length - 1, Math.max(0, Math.floor((at - replayStart) / wallMsPerHour)))]!;
  const simMinuteNow = () => dayStartMinute + ((performance.now() - replayStart) * speed) / 60_000;
  const wallAt = (minute: number) => replayStart + ((minute - dayStartMinute) * 60_000) / speed;

  /** Sleeps `ms` of wall time, or less when woken (a site's wakers) or when the replay stops. */
  function sleep(ms: number, wakers?: Set<() => void>): Promise<void> {
    if (stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        wakers?.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      sleepers.add(done);
      wakers?.add(done);
    });
  }
  const sleepSim = (seconds: number) => sleep((seconds * 1000) / speed);
  const wake = (site: SiteRuntime) => [...site.wakers].forEach((w) => w());

  async function api(method: string, url: string, headers: Record<string, string>, body: unknown, dueAt?: number): Promise<Reply> {
    if (stopping) return null;
    inFlight++;
    const sentAt = performance.now();
    const hour = hourOf(sentAt);
    hour.calls++;
    if (dueAt !== undefined) hour.behindMs = Math.max(hour.behindMs, sentAt - dueAt);
    try {
      // A request caught by a restart must fail rather than hang its technician for the rest of the day.
      const signal = AbortSignal.timeout(requestTimeoutMs);
      const response = await fetch(`${server.baseUrl}${url}`, { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
      const text = await response.text();
      hour.latencies.push(performance.now() - sentAt);
      statuses.set(String(response.status), (statuses.get(String(response.status)) ?? 0) + 1);
      // 409 is the API saying "that changed meanwhile" (a visitor left as they were called): expected.
      if (response.status >= 400 && response.status !== 409) hour.errors++;
      return { status: response.status, body: text ? JSON.parse(text) : null, sentAt };
    } catch {
      hour.errors++;
      statuses.set('network error', (statuses.get('network error') ?? 0) + 1);
      return null;
    } finally {
      inFlight--;
    }
  }

  /** The kiosk's check-in; resolves once the server answered, then waits out the visitor's patience on its own. */
  async function checkIn(site: SiteRuntime, plan: PlannedVisit, n: number): Promise<void> {
    const siteId = site.plan.site.id;
    const kiosk = kioskHeaders(server.credentials, siteId);
    const body = { categoryId: plan.categoryId, visitor: { kind: 'guest', name: `Visitor ${n}` } };
    const reply = await api('POST', `/api/sites/${siteId}/visits`, kiosk, body, wallAt(plan.arrivalMinute));
    if (reply?.status !== 201) return;
    hourOf(reply.sentAt).checkIns++;
    options.onCheckIn?.(reply);
    const visit: VisitRuntime = { plan, queueId: reply.body.queueId, state: 'waiting', transferred: false };
    visits.set(reply.body.id, visit);
    site.waiting.set(visit.queueId, (site.waiting.get(visit.queueId) ?? 0) + 1);
    wake(site);
    void leaveIfStillWaiting(site, reply.body.id, visit);
  }

  async function leaveIfStillWaiting(site: SiteRuntime, visitId: string, visit: VisitRuntime): Promise<void> {
    const kiosk = kioskHeaders(server.credentials, site.plan.site.id);
    await sleepSim(visit.plan.patienceMinutes * 60);
    if (visit.state !== 'waiting' || stopping) return;
    const left = await api('POST', `/api/visits/${visitId}/cancel`, kiosk, { reason: 'left' });
    if (left?.status === 200 && visit.state === 'waiting') {
      visit.state = 'done';
      site.waiting.set(visit.queueId, site.waiting.get(visit.queueId)! - 1);
      outcomes.cancelled++;
    }
  }

  async function runKiosk(site: SiteRuntime): Promise<void> {
    const due = site.plan.visits.filter((v) => v.arrivalMinute < endMinute);
    for (const [n, plan] of due.entries()) {
      await sleep(wallAt(plan.arrivalMinute) - performance.now());
      if (stopping) return;
      // A kiosk serves one visitor at a time: when the server is slow, the next arrival waits (see "behind").
      await checkIn(site, plan, n + 1);
    }
  }

  /** Serves one called visitor to the end: walk to the desk, service, then resolve, no-show or transfer. */
  async function serve(site: SiteRuntime, shift: PlannedShift, visitId: string, visit: VisitRuntime): Promise<void> {
    const tech = technicianHeaders(server.credentials, shift.technicianId);
    const act = async (action: string, extra: object = {}): Promise<Reply> => {
      // No answer (the server restarting): the technician clicks again until the server answers, as a
      // person at the desk would. A 409 on a second try means the first one went through. Why: a resolve
      // lost in the restart left the technician "serving" on the server for the rest of the day (every
      // call-next refused), four of eight technicians gone while the estimator still counted on them.
      for (let attempt = 0; !stopping; attempt++) {
        const reply = await api('POST', `/api/visits/${visitId}/${action}`, tech, { technicianId: shift.technicianId, ...extra });
        if (reply !== null) return attempt > 0 && reply.status === 409 ? { ...reply, status: 200 } : reply;
        await sleep(retryAfterMs);
      }
      return null;
    };
    visit.state = 'called';
    if (visit.plan.outcome === 'no_show' && !visit.transferred) {
      await sleepSim(rates.noShowWaitMinutes * 60);
      if ((await act('no-show'))?.status === 200) outcomes.noShows++;
      visit.state = 'done';
      return;
    }
    await sleepSim(visit.plan.walkToDeskSeconds);
    if ((await act('start'))?.status !== 200) return void (visit.state = 'done');
    if (visit.plan.outcome === 'transfer' && !visit.transferred) {
      await sleepSim(0.3 * visit.plan.serviceSeconds);
      const queueId = site.plan.site.queueIds.find((q) => q !== visit.queueId)!;
      if ((await act('transfer', { queueId, reason: 'needs the other team' }))?.status === 200) {
        Object.assign(visit, { queueId, state: 'waiting', transferred: true });
        site.waiting.set(queueId, (site.waiting.get(queueId) ?? 0) + 1);
        outcomes.transfers++;
        wake(site);
        return;
      }
    } else await sleepSim(visit.plan.serviceSeconds);
    if ((await act('resolve', { note: 'done' }))?.status === 200) outcomes.resolved++;
    visit.state = 'done';
  }

  /** One technician: follows the shift (changing presence only between visitors) and calls whoever waits. */
  async function runTechnician(site: SiteRuntime, shift: PlannedShift): Promise<void> {
    const tech = technicianHeaders(server.credentials, shift.technicianId);
    let status: 'available' | 'break' | 'off' = 'off';
    while (!stopping) {
      const now = simMinuteNow();
      const wanted = shift.changes.findLast((c) => c.minute <= now)?.status ?? 'off';
      const nextChange = shift.changes.find((c) => c.minute > now)?.minute ?? Number.POSITIVE_INFINITY;
      if (wanted !== status) {
        const body = { siteId: site.plan.site.id, deskId: wanted === 'off' ? null : shift.deskId, status: wanted };
        const reply = await api('PUT', `/api/technicians/${shift.technicianId}/presence`, tech, body);
        if (reply?.status === 200) status = wanted;
        else await sleepSim(60);
        continue;
      }
      const waiting = shift.queueIds.reduce((sum, q) => sum + (site.waiting.get(q) ?? 0), 0) - site.callsInFlight;
      if (status !== 'available' || waiting <= 0) {
        // Woken by a check-in at this site; re-checks at the next shift change or after 5 simulated minutes.
        await sleep(wallAt(Math.min(nextChange, now + 5)) - performance.now(), status === 'available' ? site.wakers : undefined);
        continue;
      }
      site.callsInFlight++;
      await sleepSim(rates.pickupSeconds * Math.exp(0.5 * (Math.random() - 0.5)));
      const reply = await api('POST', `/api/desks/${shift.deskId}/call-next`, tech, { technicianId: shift.technicianId });
      site.callsInFlight--;
      wake(site);
      const visit = reply?.status === 200 ? visits.get(reply.body.id) : undefined;
      if (!visit) {
        if (reply?.status === 204) outcomes.emptyCalls++;
        await sleepSim(30);
        continue;
      }
      site.waiting.set(visit.queueId, site.waiting.get(visit.queueId)! - 1);
      await serve(site, shift, reply!.body.id, visit);
    }
  }

  return {
    hourStats,
    outcomes,
    statuses,
    visits,
    wallMsPerHour,
    sleep,
    simMinuteNow,
    get replayStart() {
      return replayStart;
    },
    get inFlight() {
      return inFlight;
    },
    get stopping() {
      return stopping;
    },
    /** Starts every kiosk and technician of every site; resolves once they all stopped. */
    run(plans: readonly SiteDayPlan[]): Promise<void[]> {
      replayStart = performance.now();
      const runtimes: SiteRuntime[] = plans.map((plan) => ({ plan, waiting: new Map(), callsInFlight: 0, wakers: new Set() }));
      return Promise.all(runtimes.flatMap((site) => [runKiosk(site), ...site.plan.shifts.map((shift) => runTechnician(site, shift))]));
    },
    /** Ends the replay: nothing more is sent, and every sleeper wakes up to notice. */
    stop(): void {
      stopping = true;
      [...sleepers].forEach((s) => s());
    },
  };
}

export type DayReplay = ReturnType<typeof createDayReplay>;
