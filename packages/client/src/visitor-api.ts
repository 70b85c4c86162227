import type { VisitorFeedbackRequest, VisitorFeedbackState, VisitorRejoinState, VisitorTicket } from '@walkup/protocol';
import { readError } from './api-client.ts';

/**
 * The phone page's API: no account, the visit token from the link's fragment in a header on every
 * request (a header, not a cookie, so no other site can make the browser send it).
 */
type ApiOptions = { baseUrl?: string; fetch?: typeof fetch };

/** Requests below one path, with a token in one header. */
function tokenRequester(path: string, header: string, token: string, options: ApiOptions) {
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const baseUrl = options.baseUrl ?? '';
  return async function request<T>(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown): Promise<T> {
    const response = await fetchImpl(`${baseUrl}${path}${url}`, {
      method,
      headers: { [header]: token, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw await readError(response);
    return (await response.json()) as T;
  };
}

export function createVisitorApi(token: string, options: ApiOptions = {}) {
  const request = tokenRequester('/api/visitor/', 'x-visit-token', token, options);

  return {
    getTicket: () => request<VisitorTicket>('GET', 'ticket'),
    stepAway: (minutes?: number) => request<{ ok: true }>('POST', 'step-away', minutes === undefined ? {} : { minutes }),
    comeBack: () => request<{ ok: true }>('POST', 'back'),
    arrived: () => request<{ ok: true }>('POST', 'arrived'),
    cancel: () => request<{ ok: true }>('POST', 'cancel'),
    getFeedback: () => request<VisitorFeedbackState>('GET', 'feedback'),
    giveFeedback: (body: VisitorFeedbackRequest) => request<{ score: number }>('POST', 'feedback', body),
    getNotifications: () => request<VisitorNotificationStatus>('GET', 'notifications'),
    subscribePush: (subscription: { endpoint: string; keys: { p256dh: string; auth: string } }) => request<VisitorNotificationStatus>('PUT', 'notifications/push', subscription),
    setOptedOut: (optedOut: boolean) => request<VisitorNotificationStatus>('PUT', 'notifications/opt-out', { optedOut }),
    getRejoin: () => request<VisitorRejoinState>('GET', 'rejoin'),
    rejoin: () => request<{ ok: true }>('POST', 'rejoin'),
  };
}

/** A feedback link (closing email, kiosk): it can only say how one visit went. */
export function createFeedbackApi(token: string, options: ApiOptions = {}) {
  const request = tokenRequester('/api/feedback', 'x-feedback-token', token, options);
  return {
    getFeedback: () => request<VisitorFeedbackState>('GET', ''),
    giveFeedback: (body: VisitorFeedbackRequest) => request<{ score: number }>('POST', '', body),
  };
}

/** Either way of giving feedback: the phone link's or a feedback link's. */
export type FeedbackApi = ReturnType<typeof createFeedbackApi>;

/** What the visit will be notified by, and the key the phone subscribes to push with. */
export interface VisitorNotificationStatus {
  optedOut: boolean;
  email: boolean;
  push: boolean;
  vapidPublicKey: string | null;
}

export type VisitorApi = ReturnType<typeof createVisitorApi>;
