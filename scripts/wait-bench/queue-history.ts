import type { SiteEvent } from '@walkup/domain';

/**
 * The plain per-queue history the industry baselines read: past waits, service durations and who
 * called whom when. Kept apart from the domain learner on purpose: baselines must not borrow the
 * estimator's robust statistics.
 */
export class QueueHistory {
  readonly waits = new Map<string, number[]>();
  private readonly waitTotals = new Map<string, { sum: number; count: number }>();
  private readonly serviceTotals = new Map<string, { sum: number; count: number }>();
  /** Per queue: technician -> last time they called someone from it. */
  readonly lastCallBy = new Map<string, Map<string, number>>();
  private readonly open = new Map<string, { queueId: string; joinedMs: number; calledMs: number | null }>();

  observe(event: SiteEvent): void {
    const atMs = Date.parse(event.at);
    const id = event.visitId ?? '';
    const visit = this.open.get(id);
    switch (event.type) {
      case 'visit.checked_in':
        this.open.set(id, { queueId: event.data.queueId, joinedMs: atMs, calledMs: null });
        return;
      case 'visit.called': {
        if (!visit) return;
        if (visit.calledMs === null && atMs > visit.joinedMs) this.recordWait(visit.queueId, (atMs - visit.joinedMs) / 1000);
        visit.calledMs = atMs;
        const byTechnician = this.lastCallBy.get(visit.queueId) ?? new Map<string, number>();
        byTechnician.set(event.data.technicianId, atMs);
        this.lastCallBy.set(visit.queueId, byTechnician);
        return;
      }
      case 'visit.transferred':
        if (visit) Object.assign(visit, { queueId: event.data.toQueueId, joinedMs: atMs, calledMs: null });
        return;
      case 'visit.resolved':
      case 'visit.escalated':
        if (visit?.calledMs != null) add(this.serviceTotals, visit.queueId, (atMs - visit.calledMs) / 1000);
        this.open.delete(id);
        return;
      case 'visit.no_show':
      case 'visit.cancelled':
        this.open.delete(id);
        return;
      default:
        return;
    }
  }

  meanWait(queueId: string): number {
    const t = this.waitTotals.get(queueId);
    return t ? t.sum / t.count : 0;
  }

  meanService(queueId: string): number {
    const t = this.serviceTotals.get(queueId);
    return t ? t.sum / t.count : 0;
  }

  lastWaits(queueId: string, count: number): number[] {
    return (this.waits.get(queueId) ?? []).slice(-count);
  }

  private recordWait(queueId: string, seconds: number): void {
    add(this.waitTotals, queueId, seconds);
    const list = this.waits.get(queueId) ?? [];
    list.push(seconds);
    if (list.length > 50) list.shift();
    this.waits.set(queueId, list);
  }
}

function add(totals: Map<string, { sum: number; count: number }>, key: string, value: number): void {
  const t = totals.get(key) ?? { sum: 0, count: 0 };
  t.sum += value;
  t.count += 1;
  totals.set(key, t);
}
