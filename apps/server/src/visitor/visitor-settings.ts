import { defaultOnTheWayRules, defaultRejoinGraceMinutes, defaultWalkMinutes } from '@walkup/domain';
import type { Db } from '../db/connection.ts';

/** How visitors away from the kiosk prove who they are; single sign-on only where it is configured. */
export const visitorIdentifications = ['email', 'sso', 'sso_or_email'] as const;
export type VisitorIdentification = (typeof visitorIdentifications)[number];

/** What a site allows visitors away from the kiosk. */
export interface VisitorSettings {
  /** Extra time ("I need 10 more minutes") a visit may take in total. */
  stepAwayLimitMinutes: number;
  /** Minutes after a missed call (no-show) during which the visitor may rejoin at the front; 0 = off. */
  rejoinGraceMinutes: number;
  /** Whether visitors may check in from a link or a QR poster (they are "on the way" until they arrive). */
  remoteCheckIn: boolean;
  /** Whether call-next waits for visitors on the way to arrive (they keep their place meanwhile). */
  callOnlyArrived: boolean;
  /** Visitors on the way are told to come over when their estimated wait falls to this (their walk), or sooner at the "almost up" place. */
  remoteNotifyMinutes: number;
  /** Remote check-in and self-booking: by an emailed one-time link, by the company's single sign-on, or either. */
  visitorIdentification: VisitorIdentification;
}

export const defaultVisitorSettings: VisitorSettings = {
  stepAwayLimitMinutes: 30,
  rejoinGraceMinutes: defaultRejoinGraceMinutes,
  remoteCheckIn: false,
  callOnlyArrived: defaultOnTheWayRules.callOnlyArrived,
  remoteNotifyMinutes: defaultWalkMinutes,
  visitorIdentification: 'sso_or_email',
};

const identificationOf = (value: string): VisitorIdentification => (visitorIdentifications as readonly string[]).includes(value) ? (value as VisitorIdentification) : 'sso_or_email';

export async function findVisitorSettings(db: Db, siteId: string): Promise<VisitorSettings> {
  const row = await db
    .selectFrom('site_visitor_settings')
    .select(['step_away_limit_minutes', 'rejoin_grace_minutes', 'remote_check_in', 'call_only_arrived', 'remote_notify_minutes', 'visitor_identification'])
    .where('site_id', '=', siteId)
    .executeTakeFirst();
  if (!row) return defaultVisitorSettings;
  return {
    stepAwayLimitMinutes: row.step_away_limit_minutes,
    rejoinGraceMinutes: row.rejoin_grace_minutes,
    remoteCheckIn: row.remote_check_in === 1,
    callOnlyArrived: row.call_only_arrived === 1,
    remoteNotifyMinutes: row.remote_notify_minutes,
    visitorIdentification: identificationOf(row.visitor_identification),
  };
}

export async function saveVisitorSettings(db: Db, siteId: string, settings: VisitorSettings, at: string): Promise<void> {
  const values = {
    step_away_limit_minutes: settings.stepAwayLimitMinutes,
    rejoin_grace_minutes: settings.rejoinGraceMinutes,
    remote_check_in: settings.remoteCheckIn ? 1 : 0,
    call_only_arrived: settings.callOnlyArrived ? 1 : 0,
    remote_notify_minutes: settings.remoteNotifyMinutes,
    visitor_identification: settings.visitorIdentification,
    updated_at: at,
  };
  await db
    .insertInto('site_visitor_settings')
    .values({ site_id: siteId, ...values })
    .onConflict((oc) => oc.column('site_id').doUpdateSet(values))
    .execute();
}
