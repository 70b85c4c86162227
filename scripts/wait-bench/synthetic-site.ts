/**
 * The synthetic IT walk-up desk the generator plays: three queues, five technicians on staggered
 * shifts with breaks and lunch, one of them serving two queues, morning and after-lunch peaks,
 * booked appointments, no-shows, abandonment and transfers. Times are minutes after midnight.
 */
export interface SyntheticCategory {
  id: string;
  queueId: string;
  share: number;
  /** Median and log-sd of a lognormal service time, in minutes. */
  medianMinutes: number;
  logSd: number;
}

export interface SyntheticTechnician {
  id: string;
  queueIds: string[];
  shift: [number, number];
  breaks: Array<[number, number]>;
}

export const queueIds = ['hardware', 'software', 'accounts'];

export const categories: SyntheticCategory[] = [
  { id: 'laptop-repair', queueId: 'hardware', share: 0.15, medianMinutes: 14, logSd: 0.6 },
  { id: 'peripheral', queueId: 'hardware', share: 0.15, medianMinutes: 6, logSd: 0.5 },
  { id: 'software-install', queueId: 'software', share: 0.2, medianMinutes: 9, logSd: 0.6 },
  { id: 'email-issue', queueId: 'software', share: 0.15, medianMinutes: 7, logSd: 0.7 },
  { id: 'password-reset', queueId: 'accounts', share: 0.25, medianMinutes: 3, logSd: 0.5 },
  { id: 'access-request', queueId: 'accounts', share: 0.1, medianMinutes: 8, logSd: 0.6 },
];

export const technicians: SyntheticTechnician[] = [
  { id: 'alex', queueIds: ['hardware'], shift: [8 * 60, 16 * 60 + 30], breaks: [[10 * 60, 10 * 60 + 15], [12 * 60, 12 * 60 + 45]] },
  { id: 'bea', queueIds: ['software'], shift: [8 * 60, 17 * 60], breaks: [[10 * 60 + 30, 10 * 60 + 45], [12 * 60 + 45, 13 * 60 + 30]] },
  { id: 'chen', queueIds: ['hardware', 'software'], shift: [9 * 60, 17 * 60 + 30], breaks: [[11 * 60, 11 * 60 + 15], [13 * 60 + 30, 14 * 60 + 15]] },
  { id: 'dana', queueIds: ['accounts'], shift: [8 * 60, 13 * 60], breaks: [[10 * 60 + 15, 10 * 60 + 30]] },
  { id: 'eli', queueIds: ['accounts', 'software'], shift: [12 * 60 + 30, 17 * 60 + 30], breaks: [[15 * 60, 15 * 60 + 15]] },
];

/** Walk-ins per hour by time of day: a morning peak and an after-lunch peak (shared with the demo's history). */
export { walkUpArrivalsPerHour as arrivalsPerHour } from '@walkup/domain';

/** Booked visits: they check in at their slot with priority 1 and go first. */
export const appointmentMinutes = [9 * 60 + 30, 11 * 60, 14 * 60 + 30, 15 * 60 + 30];

export const rates = {
  priorityShare: 0.05,
  noShowShare: 0.06,
  noShowWaitMinutes: 2,
  transferShare: 0.04,
  /** Mean patience before giving up, in minutes (exponential). */
  patienceMinutes: 75,
  /** Median seconds from a technician being free to calling the next person. */
  pickupSeconds: 20,
  walkToDeskSeconds: 40,
};

/**
 * The appointments scenario (`bench:wait -- --appointments`): bookings blended with the same walk-ins
 * by the rule of docs/appointments.md. Per queue, bookings each hour from 9:00 to 16:00 at these
 * minutes past the hour, 20 minutes each.
 */
export const bookedSlots: Record<string, number[]> = { hardware: [10, 40], software: [20], accounts: [50] };
export const booking = {
  slotMinutes: 20,
  noShowShare: 0.08,
  /** Arrival relative to the slot, in minutes: mean and standard deviation (most come a little early). */
  arrivalMeanMinutes: -6,
  arrivalSdMinutes: 6,
  lateGraceMinutes: 10,
  maxAdvanceMinutes: 30,
};
