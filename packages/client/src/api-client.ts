import type { ApiError, CheckInRequest, CheckInResponse, SiteConfig, SiteSummary, VisitResponse } from '@walkup/protocol';
import type {
  AuditEntry,
  ChangeUserRequest,
  CreateUserRequest,
  DeviceRole,
  DeviceView,
  IdentifiedPerson,
  IdentifyRequest,
  ItsmConnectionHealth,
  ItsmDeadLetter,
  PairDeviceResponse,
  PairingCode,
  PersonDataExport,
  PersonKey,
  PresenceRequest,
  SessionView,
  SitePrivacySettings,
  UserAccountView,
  WaitAccuracyPoint,
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

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

async function readError(response: Response): Promise<ApiRequestError> {
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

const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

/** `?a=1&b=x` from the defined values only; empty when there are none. */
function query(params: Record<string, string | number | undefined>): string {
  const defined = Object.entries(params).filter((entry): entry is [string, string | number] => entry[1] !== undefined);
  return defined.length ? `?${new URLSearchParams(defined.map(([k, v]) => [k, String(v)]))}` : '';
}

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
    const response = await fetchImpl(`${baseUrl}/api/${url}`, {
      method,
      headers: headersFor(method, body !== undefined),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
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
    transfer: visitAction<{ technicianId: string; queueId: string; reason?: string }>('transfer'),
    escalate: visitAction<{ technicianId: string; group: string; note?: string }>('escalate'),

    // ITSM health and dead letters (technicians and admins).
    getItsmHealth: () => requestBody<{ connections: ItsmConnectionHealth[] }>('GET', 'itsm/health'),
    listDeadLetters: (siteId?: string) => requestBody<{ deadLetters: ItsmDeadLetter[] }>('GET', `itsm/dead-letters${query({ siteId })}`),
    /** 202: the visit is due again now; with `skipFailedUpdate` the update the ITSM keeps refusing is dropped. */
    retryDeadLetter: (visitId: string, options: { skipFailedUpdate?: boolean } = {}) =>
      requestBody<{ visitId: string; state: 'pending' }>('POST', `${path('itsm', 'dead-letters', visitId)}/retry`, options),

    // Admin only.
    createPairingCode: (siteId: string, body: { role: DeviceRole; name: string }) =>
      requestBody<PairingCode>('POST', `${path('admin', 'sites', siteId)}/pairing-codes`, body),
    listDevices: (siteId?: string) => requestBody<DeviceView[]>('GET', `admin/devices${query({ siteId })}`),
    revokeDevice: (deviceId: string) => requestBody<{ id: string; revokedAt: string }>('POST', `${path('admin', 'devices', deviceId)}/revoke`),
    listUsers: () => requestBody<UserAccountView[]>('GET', 'admin/users'),
    createUser: (body: CreateUserRequest) => requestBody<UserAccountView>('POST', 'admin/users', body),
    changeUser: (userId: string, changes: ChangeUserRequest) => requestBody<UserAccountView>('PATCH', path('admin', 'users', userId), changes),
    listAudit: (page: { before?: number; limit?: number } = {}) => requestBody<AuditEntry[]>('GET', `admin/audit${query(page)}`),
    getSitePrivacy: (siteId: string) => requestBody<SitePrivacySettings>('GET', `${path('admin', 'sites', siteId)}/privacy`),
    updateSitePrivacy: (siteId: string, changes: Partial<Omit<SitePrivacySettings, 'siteId'>>) =>
      requestBody<SitePrivacySettings>('PUT', `${path('admin', 'sites', siteId)}/privacy`, changes),
    exportPersonData: (key: PersonKey) => requestBody<PersonDataExport>('POST', 'admin/privacy/export', key),
    erasePersonData: (key: PersonKey) => requestBody<{ erasedVisits: number }>('POST', 'admin/privacy/erase', key),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
