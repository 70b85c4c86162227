import type { AppointmentSettings, AppointmentView, BookedAppointment, StaffBookingRequest } from './appointment-api.ts';
import type { ApiError, CheckInRequest, CheckInResponse, SiteConfig, SiteSummary, VisitResponse } from '@walkup/protocol';
import type {
  AddClosureRequest,
  AdminSetupView,
  ChangeCategoryRequest,
  AdminSiteView,
  ChangeDeskRequest,
  ChangeSiteRequest,
  ChangeTechnicianRequest,
  CreateSiteRequest,
  CreateTechnicianRequest,
  OpeningHoursRequest,
  ChangeQueueRequest,
  CreateCategoryRequest,
  CreateQueueRequest,
  SiteSettingsChange,
  AuditEntry,
  ChangeUserRequest,
  CreateUserRequest,
  DeviceRole,
  DeviceView,
  IdentifiedPerson,
  IdentifyRequest,
  ItsmConnectionHealth,
  ItsmDeadLetter,
  ItsmConnectionFields,
  ItsmConnectionList,
  ItsmSetupCheckResult,
  PairDeviceResponse,
  PairingCode,
  PersonDataExport,
  PersonKey,
  PresenceRequest,
  SessionView,
  SitePrivacySettings,
  SiteVisitorSettings,
  UserAccountView,
  WaitAccuracyPoint,
  FiguresQuery,
  FiguresReport,
  StaffingPlanView,
  StaffingRequest,
  BoardsResponse,
} from '@walkup/protocol';

/** A non-2xx answer, carrying the server's own error body so screens can show its message. */
export class ApiRequestError extends Error {
  readonly statusCode: number;
  readonly code: string;

  constructor(body: Pick<ApiError, 'statusCode' | 'code' | 'message'>) {
    super(body.message);
    this.name = 'ApiRequestError';
    this.statusCode = body.statusCode;
    this.code = body.code;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function readError(response: Response): Promise<ApiRequestError> {
  try {
    const body = (await response.json()) as Partial<ApiError>;
    return new ApiRequestError({
      statusCode: body.statusCode ?? response.status,
      code: body.code ?? 'http_error',
      message: body.message ?? response.statusText,
    });
  } catch {
    // Proxies and crashed servers answer with HTML or nothing; keep the status at least.
    return new ApiRequestError({ statusCode: response.status, code: 'http_error', message: response.statusText || `HTTP ${response.status}` });
  }
}

/** Code of the error thrown when the server could not be reached at all (statusCode 0). */
export const unreachableCode = 'server_unreachable';

function unreachable(): ApiRequestError {
  return new ApiRequestError({
    statusCode: 0,
    code: unreachableCode,
    message: 'The walkup server cannot be reached (network or server down); nothing was changed. Try again in a moment.',
  });
}

const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

/** `?a=1&b=x` from the defined values only; empty when there are none. */
function query(params: Record<string, string | number | undefined>): string {
  const defined = Object.entries(params).filter((entry): entry is [string, string | number] => entry[1] !== undefined);
  return defined.length ? `?${new URLSearchParams(defined.map(([k, v]) => [k, String(v)]))}` : '';
}

/** What a configuration import answers: applied or checked, or the list of mistakes (nothing changed). */
export type ConfigImportOutcome = { ok: true; sites: string[]; applied: boolean } | { ok: false; message: string; mistakes: string[] };

export interface ApiClientOptions {
  fetch?: typeof fetch;
  /** A paired kiosk or display sends its device token as a bearer token. */
  deviceToken?: string | null;
}

export function createApiClient(baseUrl = '', options: ApiClientOptions = {}) {
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  let deviceToken = options.deviceToken ?? null;
  // Consoles authenticate with a session cookie; the server wants its CSRF token echoed on writes.
  let csrfToken: string | null = null;

  function headersFor(method: Method, hasBody: boolean): Record<string, string> {
    const headers: Record<string, string> = hasBody ? { 'content-type': 'application/json' } : {};
    if (deviceToken) headers.authorization = `Bearer ${deviceToken}`;
    if (csrfToken && method !== 'GET') headers['x-csrf-token'] = csrfToken;
    return headers;
  }

  async function request<T>(method: Method, url: string, body?: unknown): Promise<T | null> {
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}/api/${url}`, {
        method,
        headers: headersFor(method, body !== undefined),
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      // The browser only says "TypeError: Failed to fetch": nobody can act on that.
      throw unreachable();
    }
    if (!response.ok) throw await readError(response);
    if (response.status === 204) return null;
    return (await response.json()) as T;
  }
  // Routes that always answer with a body; a 204 there would be a server bug worth surfacing.
  async function requestBody<T>(method: Method, url: string, body?: unknown): Promise<T> {
    const result = await request<T>(method, url, body);
    if (result === null) throw new ApiRequestError({ statusCode: 204, code: 'empty_response', message: `No content from ${url}` });
    return result;
  }
  const visitAction = <B extends { technicianId: string }>(action: string) => (visitId: string, body: B) =>
    requestBody<VisitResponse>('POST', `${path('visits', visitId)}/${action}`, body);

  const remember = (session: SessionView) => {
    csrfToken = session.kind === 'user' ? session.csrfToken : null;
    return session;
  };

  return {
    setDeviceToken: (token: string | null) => void (deviceToken = token),
    getSession: async () => remember(await requestBody<SessionView>('GET', 'auth/session')),
    login: async (username: string, password: string) => remember(await requestBody<SessionView>('POST', 'auth/login', { username, password })),
    logout: async () => {
      await request<null>('POST', 'auth/logout');
      csrfToken = null;
    },
    pairDevice: (code: string) => requestBody<PairDeviceResponse>('POST', 'devices/pair', { code }),
    listSites: () => requestBody<SiteSummary[]>('GET', 'sites'),
    getSiteConfig: (siteId: string) => requestBody<SiteConfig>('GET', `${path('sites', siteId)}/config`),
    identify: (siteId: string, body: IdentifyRequest) =>
      requestBody<IdentifiedPerson>('POST', `${path('sites', siteId)}/identify`, body),
    checkIn: (siteId: string, body: CheckInRequest) => requestBody<CheckInResponse>('POST', `${path('sites', siteId)}/visits`, body),
    listAppointments: (siteId: string, day?: string) => requestBody<AppointmentView[]>('GET', `${path('sites', siteId)}/appointments${query({ day })}`),
    bookAppointment: (siteId: string, body: StaffBookingRequest) => requestBody<BookedAppointment>('POST', `${path('sites', siteId)}/appointments`, body),
    cancelAppointment: (appointmentId: string) => requestBody<AppointmentView>('POST', `${path('appointments', appointmentId)}/cancel`),
    getAppointmentSettings: (siteId: string) => requestBody<AppointmentSettings>('GET', `admin/${path('sites', siteId)}/appointment-settings`),
    updateAppointmentSettings: (siteId: string, body: AppointmentSettings) => requestBody<AppointmentSettings>('PUT', `admin/${path('sites', siteId)}/appointment-settings`, body),
    checkInWithBookingCode: (siteId: string, code: string) => requestBody<CheckInResponse>('POST', `${path('sites', siteId)}/appointments/check-in`, { code }),
    getWaitAccuracy: (siteId: string) => requestBody<WaitAccuracyPoint[]>('GET', `${path('sites', siteId)}/wait-accuracy`),
    setPresence: (technicianId: string, body: PresenceRequest) =>
      request<unknown>('PUT', `${path('technicians', technicianId)}/presence`, body),
    /** Resolves to null when nobody is waiting (204). */
    callNext: (deskId: string, body: { technicianId: string }) =>
      request<VisitResponse>('POST', `${path('desks', deskId)}/call-next`, body),
    callVisit: visitAction<{ technicianId: string; deskId: string }>('call'),
    recall: visitAction<{ technicianId: string }>('recall'),
    start: visitAction<{ technicianId: string }>('start'),
    resolve: visitAction<{ technicianId: string; note: string }>('resolve'),
    noShow: visitAction<{ technicianId: string }>('no-show'),
    /** Kiosk "How did it go?": the visit of the person scanned, and a token for its feedback only. */
    lookUpFeedback: (siteId: string, identifier: string) => requestBody<{ ticketNumber: string; feedbackToken: string }>('POST', `${path('sites', siteId)}/feedback-lookup`, { identifier }),
    /** A new phone link for a visit; the old ones stop working. */
    reissueVisitorLink: (visitId: string) => requestBody<{ visitorLink: string }>('POST', `${path('visits', visitId)}/visitor-link`),
    postBroadcast: (siteId: string, body: { message: string; expiresInMinutes?: number }) => requestBody<unknown>('POST', `${path('sites', siteId)}/broadcast`, body),
    clearBroadcast: (siteId: string) => request<unknown>('DELETE', `${path('sites', siteId)}/broadcast`),
    /** Staff cancel any visit of their sites; a kiosk only the one it has just created. */
    cancelVisit: (visitId: string, body: { reason?: string } = {}) => requestBody<VisitResponse>('POST', `${path('visits', visitId)}/cancel`, body),
    transfer: visitAction<{ technicianId: string; queueId: string; reason?: string }>('transfer'),
    escalate: visitAction<{ technicianId: string; group: string; note?: string }>('escalate'),

    // ITSM health and dead letters (technicians and admins).
    getItsmHealth: () => requestBody<{ connections: ItsmConnectionHealth[] }>('GET', 'itsm/health'),
    listDeadLetters: (siteId?: string) => requestBody<{ deadLetters: ItsmDeadLetter[] }>('GET', `itsm/dead-letters${query({ siteId })}`),
    /** 202: the visit is due again now; with `skipFailedUpdate` the update the ITSM keeps refusing is dropped. */
    retryDeadLetter: (visitId: string, options: { skipFailedUpdate?: boolean } = {}) =>
      requestBody<{ visitId: string; state: 'pending' }>('POST', `${path('itsm', 'dead-letters', visitId)}/retry`, options),

    // Admin only.
    listItsmConnections: () => requestBody<ItsmConnectionList>('GET', 'admin/itsm/connections'),
    createItsmConnection: (name: string, fields: ItsmConnectionFields) => requestBody<ItsmConnectionList>('POST', 'admin/itsm/connections', { name, ...fields }),
    changeItsmConnection: (name: string, fields: ItsmConnectionFields) => requestBody<ItsmConnectionList>('PUT', path('admin', 'itsm', 'connections', name), fields),
    deleteItsmConnection: (name: string) => requestBody<ItsmConnectionList>('DELETE', path('admin', 'itsm', 'connections', name)),
    chooseSiteItsmConnection: (siteId: string, connection: string) => requestBody<ItsmConnectionList>('PUT', `${path('admin', 'sites', siteId)}/itsm-connection`, { connection }),
    testItsmConnection: (name: string) => requestBody<ItsmSetupCheckResult>('POST', `${path('admin', 'itsm', 'connections', name)}/test`),
    createPairingCode: (siteId: string, body: { role: DeviceRole; name: string }) =>
      requestBody<PairingCode>('POST', `${path('admin', 'sites', siteId)}/pairing-codes`, body),
    listDevices: (siteId?: string) => requestBody<DeviceView[]>('GET', `admin/devices${query({ siteId })}`),
    revokeDevice: (deviceId: string) => requestBody<{ id: string; revokedAt: string }>('POST', `${path('admin', 'devices', deviceId)}/revoke`),
    listUsers: () => requestBody<UserAccountView[]>('GET', 'admin/users'),
    getFigures: (figures: FiguresQuery) => requestBody<FiguresReport>('GET', `reports/figures${query({ ...figures })}`),
    /** Plain links (the session cookie authenticates them), so the browser downloads the file itself. */
    figuresCsvUrl: (figures: FiguresQuery) => `${baseUrl}/api/reports/figures.csv${query({ ...figures })}`,
    visitsCsvUrl: (range: Pick<FiguresQuery, 'from' | 'to' | 'siteId' | 'lang'>) => `${baseUrl}/api/reports/visits.csv${query({ ...range })}`,
    getBoards: (siteId?: string) => requestBody<BoardsResponse>('GET', `manager/board${query({ siteId })}`),
    planStaffing: (siteId: string, body: StaffingRequest) => requestBody<StaffingPlanView>('POST', `${path('manager', 'sites', siteId)}/staffing`, body),
    setTargetWait: (siteId: string, targetWaitMinutes: number) =>
      requestBody<{ siteId: string; targetWaitSeconds: number }>('PUT', `${path('manager', 'sites', siteId)}/target`, { targetWaitMinutes }),
    createUser: (body: CreateUserRequest) => requestBody<UserAccountView>('POST', 'admin/users', body),
    changeUser: (userId: string, changes: ChangeUserRequest) => requestBody<UserAccountView>('PATCH', path('admin', 'users', userId), changes),
    listAudit: (page: { before?: number; limit?: number } = {}) => requestBody<AuditEntry[]>('GET', `admin/audit${query(page)}`),
    getSitePrivacy: (siteId: string) => requestBody<SitePrivacySettings>('GET', `${path('admin', 'sites', siteId)}/privacy`),
    updateSitePrivacy: (siteId: string, changes: Partial<Omit<SitePrivacySettings, 'siteId'>>) =>
      requestBody<SitePrivacySettings>('PUT', `${path('admin', 'sites', siteId)}/privacy`, changes),
    getVisitorSettings: (siteId: string) => requestBody<SiteVisitorSettings>('GET', `${path('admin', 'sites', siteId)}/visitor-settings`),
    updateVisitorSettings: (siteId: string, settings: Partial<SiteVisitorSettings> & Pick<SiteVisitorSettings, 'stepAwayLimitMinutes'>) =>
      requestBody<SiteVisitorSettings>('PUT', `${path('admin', 'sites', siteId)}/visitor-settings`, settings),
    exportPersonData: (key: PersonKey) => requestBody<PersonDataExport>('POST', 'admin/privacy/export', key),
    erasePersonData: (key: PersonKey) => requestBody<{ erasedVisits: number }>('POST', 'admin/privacy/erase', key),
    // Live site configuration (admins): every change answers with the whole setup again.
    getAdminSetup: (siteId: string) => requestBody<AdminSetupView>('GET', `${path('admin', 'sites', siteId)}/setup`),
    // Sites, desks, technicians and opening hours (admins).
    listAdminSites: () => requestBody<AdminSiteView[]>('GET', 'admin/sites'),
    createSite: (body: CreateSiteRequest) => requestBody<AdminSetupView>('POST', 'admin/sites', body),
    changeSite: (siteId: string, changes: ChangeSiteRequest) => requestBody<AdminSetupView>('PATCH', path('admin', 'sites', siteId), changes),
    createDesk: (siteId: string, body: { id: string; name: string }) => requestBody<AdminSetupView>('POST', `${path('admin', 'sites', siteId)}/desks`, body),
    changeDesk: (siteId: string, deskId: string, changes: ChangeDeskRequest) => requestBody<AdminSetupView>('PATCH', path('admin', 'sites', siteId, 'desks', deskId), changes),
    createTechnician: (siteId: string, body: CreateTechnicianRequest) => requestBody<AdminSetupView>('POST', `${path('admin', 'sites', siteId)}/technicians`, body),
    changeTechnician: (siteId: string, technicianId: string, changes: ChangeTechnicianRequest) =>
      requestBody<AdminSetupView>('PATCH', path('admin', 'sites', siteId, 'technicians', technicianId), changes),
    setOpeningHours: (siteId: string, body: OpeningHoursRequest) => requestBody<AdminSetupView>('PUT', `${path('admin', 'sites', siteId)}/opening-hours`, body),
    addClosure: (siteId: string, body: AddClosureRequest) => requestBody<AdminSetupView>('POST', `${path('admin', 'sites', siteId)}/closures`, body),
    updateSiteSettings: (siteId: string, changes: SiteSettingsChange) => requestBody<AdminSetupView>('PATCH', `${path('admin', 'sites', siteId)}/settings`, changes),
    createQueue: (siteId: string, body: CreateQueueRequest) => requestBody<AdminSetupView>('POST', `${path('admin', 'sites', siteId)}/queues`, body),
    changeQueue: (siteId: string, queueId: string, changes: ChangeQueueRequest) =>
      requestBody<AdminSetupView>('PATCH', path('admin', 'sites', siteId, 'queues', queueId), changes),
    reorderQueues: (siteId: string, queueIds: string[]) => requestBody<AdminSetupView>('PUT', `${path('admin', 'sites', siteId)}/queue-order`, { queueIds }),
    createCategory: (siteId: string, body: CreateCategoryRequest) => requestBody<AdminSetupView>('POST', `${path('admin', 'sites', siteId)}/categories`, body),
    changeCategory: (siteId: string, categoryId: string, changes: ChangeCategoryRequest) =>
      requestBody<AdminSetupView>('PATCH', path('admin', 'sites', siteId, 'categories', categoryId), changes),
    /** Orders the groups (parentId null) or the choices of one group; every sibling, archived ones too. */
    reorderCategories: (siteId: string, parentId: string | null, categoryIds: string[]) =>
      requestBody<AdminSetupView>('PUT', `${path('admin', 'sites', siteId)}/category-order`, { parentId, categoryIds }),
    exportConfiguration: () => requestBody<{ sites: unknown[] }>('GET', 'admin/config/export'),
    /** Checks (dryRun) or applies a configuration file; a refused file answers with every mistake, path first. */
    importConfiguration: async (file: unknown, dryRun: boolean): Promise<ConfigImportOutcome> => {
      const response = await fetchImpl(`${baseUrl}/api/admin/config/import${dryRun ? '?dryRun=true' : ''}`, {
        method: 'POST',
        headers: headersFor('POST', true),
        body: JSON.stringify(file),
      });
      if (response.ok) return { ok: true, ...((await response.json()) as { sites: string[]; applied: boolean }) };
      const error = await readError(response.clone());
      const body = (await response.json().catch(() => ({}))) as { mistakes?: string[] };
      if (response.status === 400) return { ok: false, message: error.message, mistakes: body.mistakes ?? [error.message] };
      throw error;
    },
    removeClosure: (siteId: string, closureId: string) => requestBody<AdminSetupView>('DELETE', `${path('admin', 'sites', siteId, 'closures', closureId)}`),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
