import { durationBinOf, isEstimateClose, localSlotOf, type SiteEvent } from '@walkup/domain';
import type { ReportBucketsTable, ReportVisitRow } from './report-schema.ts';

export type BucketDelta = ReportBucketsTable;
type Counter = Exclude<keyof BucketDelta, 'site_id' | 'queue_id' | 'category_id' | 'technician_id' | 'day' | 'hour' | 'weekday'>;

/** Deltas of the batch, one per bucket, so a batch writes each touched bucket once. */
export class BucketDeltas {
  readonly byKey = new Map<string, BucketDelta>();

  of(visit: ReportVisitRow): BucketDelta {
    const technician = visit.technician_id ?? '';
    const key = `${visit.site_id}|${visit.day}|${visit.hour}|${visit.queue_id}|${visit.category_id}|${technician}`;
    let delta = this.byKey.get(key);
    if (!delta) {
      delta = { site_id: visit.site_id, queue_id: visit.queue_id, category_id: visit.category_id, technician_id: technician, day: visit.day, hour: visit.hour, weekday: visit.weekday } as BucketDelta;
      this.byKey.set(key, delta);
    }
    return delta;
  }

  add(visit: ReportVisitRow, counter: Counter, amount = 1): void {
    const delta = this.of(visit);
    delta[counter] = (delta[counter] ?? 0) + amount;
  }

  max(visit: ReportVisitRow, counter: 'wait_max' | 'service_max', value: number): void {
    const delta = this.of(visit);
    delta[counter] = Math.max(delta[counter] ?? 0, value);
  }
}

const seconds = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

function addFeedback(deltas: BucketDeltas, visit: ReportVisitRow, score: number, sign: 1 | -1): void {
  deltas.add(visit, 'feedback_count', sign);
  deltas.add(visit, 'feedback_sum', sign * score);
  if (score === 1) deltas.add(visit, 'feedback_unhappy', sign);
  if (score === 3) deltas.add(visit, 'feedback_happy', sign);
}

/** A visit has ended: it is counted, once, in the bucket of its check-in hour. */
function countEndedVisit(deltas: BucketDeltas, visit: ReportVisitRow): void {
  deltas.add(visit, 'visits');
  if (visit.started_at) deltas.add(visit, 'served');
  if (visit.outcome === 'resolved') deltas.add(visit, 'resolved');
  if (visit.outcome === 'escalated') deltas.add(visit, 'escalated');
  if (visit.outcome === 'no_show') deltas.add(visit, 'no_shows');
  if (visit.outcome === 'cancelled') deltas.add(visit, 'cancelled');
  if (visit.transfers) deltas.add(visit, 'transfers', visit.transfers);
  if (visit.wait_seconds !== null) {
    deltas.add(visit, 'wait_count');
    deltas.add(visit, 'wait_sum', visit.wait_seconds);
    deltas.max(visit, 'wait_max', visit.wait_seconds);
    deltas.add(visit, `wait_bin_${durationBinOf(visit.wait_seconds)}`);
    if (visit.estimate_seconds !== null) {
      const error = visit.estimate_seconds - visit.wait_seconds;
      deltas.add(visit, 'estimate_count');
      deltas.add(visit, 'estimate_error_sum', error);
      deltas.add(visit, 'estimate_absolute_error_sum', Math.abs(error));
      if (isEstimateClose(visit.estimate_seconds, visit.wait_seconds)) deltas.add(visit, 'estimate_close');
    }
  }
  if (visit.service_seconds !== null) {
    deltas.add(visit, 'service_count');
    deltas.add(visit, 'service_sum', visit.service_seconds);
    deltas.max(visit, 'service_max', visit.service_seconds);
    deltas.add(visit, `service_bin_${durationBinOf(visit.service_seconds)}`);
  }
  if (visit.feedback_score !== null) addFeedback(deltas, visit, visit.feedback_score, 1);
}

const endings = { 'visit.resolved': 'resolved', 'visit.escalated': 'escalated', 'visit.no_show': 'no_show', 'visit.cancelled': 'cancelled' } as const;

export interface ReportContext {
  timeZoneOf(siteId: string): string;
  /** The estimate shown at check-in, kept on the visit row (not in the event). */
  estimateAtJoin(visitId: string): number | null;
}

/**
 * Applies one event to the visit's report row (created at check-in) and to the batch's bucket
 * deltas. Returns the row to store, or null when the event does not concern reports. Events of
 * visits checked in before the report tables existed are skipped: a rebuild from the log counts them.
 */
export function applyReportEvent(context: ReportContext, visit: ReportVisitRow | undefined, event: SiteEvent, deltas: BucketDeltas): ReportVisitRow | null {
  if (event.type === 'visit.checked_in') {
    const slot = localSlotOf(context.timeZoneOf(event.siteId), new Date(event.data.checkedInAt));
    return {
      visit_id: event.visitId!,
      site_id: event.siteId,
      queue_id: event.data.queueId,
      category_id: event.data.categoryId,
      technician_id: null,
      desk_id: null,
      ticket_number: event.data.ticketNumber,
      ...slot,
      checked_in_at: event.data.checkedInAt,
      called_at: null,
      started_at: null,
      ended_at: null,
      outcome: 'open',
      wait_seconds: null,
      service_seconds: null,
      transfers: 0,
      estimate_seconds: context.estimateAtJoin(event.visitId!),
      feedback_score: null,
    };
  }
  if (!visit) return null;
  switch (event.type) {
    case 'visit.called':
      if (visit.called_at) return { ...visit, desk_id: event.data.deskId, technician_id: event.data.technicianId };
      return { ...visit, called_at: event.at, wait_seconds: seconds(visit.checked_in_at, event.at), desk_id: event.data.deskId, technician_id: event.data.technicianId };
    case 'visit.started':
      return { ...visit, started_at: visit.started_at ?? event.at, desk_id: event.data.deskId, technician_id: event.data.technicianId };
    case 'visit.transferred':
      return { ...visit, queue_id: event.data.toQueueId, transfers: visit.transfers + 1 };
    case 'visit.resolved':
    case 'visit.escalated':
    case 'visit.no_show':
    case 'visit.cancelled': {
      if (visit.outcome !== 'open') return null;
      const ended: ReportVisitRow = {
        ...visit,
        ended_at: event.at,
        outcome: endings[event.type],
        service_seconds: visit.started_at ? seconds(visit.started_at, event.at) : null,
      };
      countEndedVisit(deltas, ended);
      return ended;
    }
    case 'visit.feedback_given': {
      if (visit.outcome !== 'open') {
        if (visit.feedback_score !== null) addFeedback(deltas, visit, visit.feedback_score, -1);
        addFeedback(deltas, visit, event.data.score, 1);
      }
      return { ...visit, feedback_score: event.data.score };
    }
    default:
      return null;
  }
}
