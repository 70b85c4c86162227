import type { Migration } from 'kysely';
import * as initialMigration from './2026-11-21T0900-initial.ts';
import * as itsmDeliveryMigration from './2026-11-21T1000-itsm-delivery.ts';
import * as authAccountsMigration from './2026-11-21T1100-auth-accounts.ts';
import * as authPrivacyMigration from './2026-11-21T1100-auth-privacy.ts';
import * as siteItsmConnectionMigration from './2026-11-21T1200-site-itsm-connection.ts';
import * as kioskCheckInsMigration from './2026-12-01T0300-kiosk-check-ins.ts';
import * as postgresEventNotifyMigration from './2026-12-01T0500-postgres-event-notify.ts';
import * as publishedEstimatesMigration from './2026-12-01T0501-published-estimates.ts';
import * as adminConfigMigration from './2026-12-01T0600-admin-config.ts';
import * as managerFiguresMigration from './2026-12-01T0700-manager-figures.ts';
import * as visitorLinksMigration from './2026-12-01T0800-visitor-links.ts';
import * as visitorStepAwayMigration from './2026-12-01T0800-visitor-step-away.ts';
import * as notificationsMigration from './2026-12-01T0810-notifications.ts';
import * as visitorExtrasMigration from './2026-12-01T0820-visitor-extras.ts';
import * as appointmentsMigration from './2026-12-01T0900-appointments.ts';
import * as appointmentTicketsMigration from './2026-12-01T1000-appointment-tickets.ts';
import * as itsmStoredConnectionsMigration from './2026-12-01T1000-itsm-stored-connections.ts';
import * as remoteCheckInMigration from './2026-12-01T1000-remote-check-in.ts';
import * as remoteNotifyMinutesMigration from './2026-12-01T1100-remote-notify-minutes.ts';
import * as reportMonthRollupsMigration from './2026-12-01T1000-report-month-rollups.ts';
import * as visitorFeedbackLinksMigration from './2026-12-01T1000-visitor-feedback-links.ts';
import * as reportMonthHourRollupsMigration from './2026-12-01T1110-report-month-hour-rollups.ts';
import * as visitorSsoMigration from './2026-12-01T1100-visitor-sso.ts';
import * as reportCumulativeHoursMigration from './2026-12-01T1300-report-cumulative-hours.ts';
import * as reportCumulativeTechnicianHoursMigration from './2026-12-01T1500-report-cumulative-technician-hours.ts';

/**
 * Every migration, by its date-prefixed name. Listed statically (not read from the folder at run
 * time) so the server can be bundled; a test checks that no file of this folder is missing here.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-21T0900-initial': initialMigration,
  '2026-11-21T1000-itsm-delivery': itsmDeliveryMigration,
  '2026-11-21T1100-auth-accounts': authAccountsMigration,
  '2026-11-21T1100-auth-privacy': authPrivacyMigration,
  '2026-11-21T1200-site-itsm-connection': siteItsmConnectionMigration,
  '2026-12-01T0300-kiosk-check-ins': kioskCheckInsMigration,
  '2026-12-01T0500-postgres-event-notify': postgresEventNotifyMigration,
  '2026-12-01T0501-published-estimates': publishedEstimatesMigration,
  '2026-12-01T0600-admin-config': adminConfigMigration,
  '2026-12-01T0700-manager-figures': managerFiguresMigration,
  '2026-12-01T0800-visitor-links': visitorLinksMigration,
  '2026-12-01T0800-visitor-step-away': visitorStepAwayMigration,
  '2026-12-01T0810-notifications': notificationsMigration,
  '2026-12-01T0820-visitor-extras': visitorExtrasMigration,
  '2026-12-01T0900-appointments': appointmentsMigration,
  '2026-12-01T1000-appointment-tickets': appointmentTicketsMigration,
  '2026-12-01T1000-itsm-stored-connections': itsmStoredConnectionsMigration,
  '2026-12-01T1000-remote-check-in': remoteCheckInMigration,
  '2026-12-01T1000-report-month-rollups': reportMonthRollupsMigration,
  '2026-12-01T1000-visitor-feedback-links': visitorFeedbackLinksMigration,
  '2026-12-01T1100-remote-notify-minutes': remoteNotifyMinutesMigration,
  '2026-12-01T1100-visitor-sso': visitorSsoMigration,
  '2026-12-01T1110-report-month-hour-rollups': reportMonthHourRollupsMigration,
  '2026-12-01T1300-report-cumulative-hours': reportCumulativeHoursMigration,
  '2026-12-01T1500-report-cumulative-technician-hours': reportCumulativeTechnicianHoursMigration,
};
