import type { OpeningHours } from '@walkup/domain';
import type { AdminSetupView } from './api-site-config-types.ts';

/** `GET /api/admin/sites`: every site, archived ones included. */
export type AdminSiteView = Pick<AdminSetupView['site'], 'id' | 'name' | 'timeZone' | 'defaultLanguage' | 'languages' | 'archived'>;

export type CreateSiteRequest = Omit<AdminSiteView, 'archived'>;

/** `PATCH /api/admin/sites/:siteId`: only the fields given change (archived: archive or restore). */
export type ChangeSiteRequest = Partial<Omit<AdminSiteView, 'id'>>;

export interface ChangeDeskRequest {
  name?: string;
  archived?: boolean;
}

export interface CreateTechnicianRequest {
  id: string;
  name: string;
  email?: string | null;
  /** The site's queues (skills) the technician serves; at least one. */
  queueIds: string[];
}

export interface ChangeTechnicianRequest {
  name?: string;
  email?: string | null;
  queueIds?: string[];
  archived?: boolean;
}

/** `PUT /api/admin/sites/:siteId/opening-hours`: the whole week (a day left out is closed). */
export interface OpeningHoursRequest {
  openingHours: OpeningHours;
  checkInCutoffMinutes: number;
}
