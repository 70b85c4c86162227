import type { LocalizedText, OpeningHours } from '@walkup/domain';

/** What `GET /api/admin/sites/:siteId/setup` answers: the site's whole editable configuration. */
export interface AdminSetupView {
  site: {
    id: string;
    name: string;
    timeZone: string;
    defaultLanguage: string;
    languages: string[];
    archived: boolean;
    openingHours: OpeningHours;
    checkInCutoffMinutes: number;
    closures: SiteClosureView[];
    noShowGraceSeconds: number;
    escalationGroups: string[];
    showNamesOnDisplay: boolean;
    welcomeText: LocalizedText | null;
    logoUrl: string | null;
  };
  queues: Array<{ id: string; prefix: string; name: LocalizedText; itsmAssignmentGroup: string | null; archived: boolean; waitingCount: number }>;
  categories: Array<{
    id: string;
    parentId: string | null;
    label: LocalizedText;
    icon: string;
    queueId: string | null;
    priority: number;
    expectedServiceSeconds: number;
    itsmCategory: string | null;
    itsmSubcategory: string | null;
    itsmAssignmentGroup: string | null;
    itsmVendorFields: ItsmVendorFields;
    archived: boolean;
  }>;
  desks: Array<{ id: string; name: string; archived: boolean }>;
  technicians: Array<{ id: string; name: string; email: string | null; queueIds: string[]; archived: boolean }>;
}

/** A holiday or one-off closure: local dates, both included, with the words kiosks and displays show. */
export interface SiteClosureView {
  id: string;
  firstDay: string;
  lastDay: string;
  message: LocalizedText;
}

export interface AddClosureRequest {
  firstDay: string;
  lastDay: string;
  message: LocalizedText;
}

/** `PATCH /api/admin/sites/:siteId/settings`: only the fields given change. */
export interface SiteSettingsChange {
  noShowGraceSeconds?: number;
  escalationGroups?: string[];
  showNamesOnDisplay?: boolean;
  retentionDays?: number;
  welcomeText?: LocalizedText | null;
  logoUrl?: string | null;
}

export interface CreateQueueRequest {
  id: string;
  prefix: string;
  name: LocalizedText;
  itsmAssignmentGroup?: string | null;
}

export interface ChangeQueueRequest {
  prefix?: string;
  name?: LocalizedText;
  itsmAssignmentGroup?: string | null;
  archived?: boolean;
}

/** Which ITSM vendor field a choice fills: RT queue, Jira Service Management request type, GLPI category. */
export interface ItsmVendorFields {
  rtQueue?: string;
  jsmRequestType?: string;
  glpiCategory?: string;
}

/** What a choice (a leaf under a group) carries; a group has none of it. */
export interface CategoryLeafFields {
  queueId?: string;
  priority?: number;
  expectedServiceSeconds?: number;
  itsmCategory?: string | null;
  itsmSubcategory?: string | null;
  itsmAssignmentGroup?: string | null;
  itsmVendorFields?: ItsmVendorFields;
}

/** `POST /api/admin/sites/:siteId/categories`: a group (parentId null) or a choice under a group. */
export interface CreateCategoryRequest extends CategoryLeafFields {
  id: string;
  parentId: string | null;
  label: LocalizedText;
  icon: string;
}

export interface ChangeCategoryRequest extends CategoryLeafFields {
  label?: LocalizedText;
  icon?: string;
  archived?: boolean;
  /** Moves a choice under another group (at its end); refused for a group. */
  parentId?: string;
}
