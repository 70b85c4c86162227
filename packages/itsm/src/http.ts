import { ItsmError, type FetchLike } from './adapter.ts';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /** Serialised as JSON unless it is already a string or URLSearchParams. */
  body?: unknown;
  /** Per-request statuses the caller handles itself instead of raising (e.g. 404 on lookups). */
  accept?: number[];
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: any;
}

export interface HttpClientOptions {
  vendor: string;
  fetchImpl: FetchLike;
  timeoutMs: number;
  /** Values that must never reach a log line or an error message (passwords, tokens). */
  secrets: Array<string | undefined>;
}

// 401 is not here: the adapters re-authenticate once and then treat a second 401 as transient,
// because credentials fixed by an admin should let the backlog drain without manual retries.
const permanentStatuses = new Set([400, 403, 404, 405, 409, 410, 413, 415, 422]);
// Answers that say the request was turned away before it did anything.
const notAppliedStatuses = new Set([401, 429, 503]);

/** Removes configured secrets from any text that may end up in logs, replies or the event log. */
export function redact(text: string, secrets: Array<string | undefined>): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join('***');
  return out;
}

/** Seconds to wait from Retry-After (seconds or HTTP date) or the common rate-limit reset headers. */
export function retryAfterSeconds(headers: Headers, nowMs = Date.now()): number | null {
  const retryAfter = headers.get('retry-after');
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - nowMs) / 1000));
  }
  const reset = headers.get('x-ratelimit-reset') ?? headers.get('ratelimit-reset');
  if (reset) {
    const value = Number(reset);
    if (Number.isFinite(value)) {
      // Epoch seconds (GitHub/ServiceNow style) when large, otherwise a delta (IETF draft style).
      return value > 1e9 ? Math.max(0, Math.ceil(value - nowMs / 1000)) : Math.max(0, value);
    }
  }
  return null;
}

function vendorMessage(body: unknown): string {
  if (body == null) return '';
  if (typeof body === 'string') return body.slice(0, 300);
  const b = body as any;
  const candidate =
    b.error?.message ?? b.error?.detail ?? b.errorMessage ?? b.errorMessages?.join('; ') ?? b.message ?? (Array.isArray(b) ? b.join(': ') : null);
  return String(candidate ?? JSON.stringify(body)).slice(0, 300);
}

/** A small fetch wrapper: timeout on every call, JSON both ways, vendor errors classified for the worker. */
export function createHttpClient(options: HttpClientOptions) {
  const { vendor, fetchImpl, timeoutMs, secrets } = options;
  const path = (url: string) => redact(new URL(url).pathname, secrets);

  return async function request(req: HttpRequest): Promise<HttpResponse> {
    const headers: Record<string, string> = { Accept: 'application/json', ...req.headers };
    let body: BodyInit | undefined;
    if (req.body instanceof URLSearchParams || typeof req.body === 'string') body = req.body;
    else if (req.body !== undefined) {
      body = JSON.stringify(req.body);
      headers['Content-Type'] ??= 'application/json';
    }
    let response: Response;
    try {
      response = await fetchImpl(req.url, { method: req.method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const code = ((error as Error).cause as { code?: string } | undefined)?.code;
      // Refused or unresolvable: nothing reached the ITSM. A reset or timeout may have, after it acted.
      const refused = code === 'ECONNREFUSED' || code === 'ENOTFOUND';
      const reason = (error as Error).name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : refused ? 'connection refused' : 'network error';
      throw new ItsmError(`${vendor} ${req.method} ${path(req.url)}: ${reason}`, false, null, null, refused);
    }
    const text = await response.text().catch(() => '');
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Some error pages are HTML; keep the text for the message.
    }
    if (response.ok || req.accept?.includes(response.status)) return { status: response.status, headers: response.headers, body: parsed };
    const detail = redact(vendorMessage(parsed), secrets);
    throw new ItsmError(
      `${vendor} ${req.method} ${path(req.url)} answered ${response.status}${detail ? `: ${detail}` : ''}`,
      permanentStatuses.has(response.status),
      response.status,
      retryAfterSeconds(response.headers),
      notAppliedStatuses.has(response.status) || permanentStatuses.has(response.status),
    );
  };
}

export type HttpClient = ReturnType<typeof createHttpClient>;

/** Joins a base URL and a path without doubling or losing slashes. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
