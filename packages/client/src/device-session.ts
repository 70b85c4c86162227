import { ApiRequestError, type ApiClient } from './api-client.ts';
import { saveDeviceToken, takeDeviceTokenFromUrl, takePairingCodeFromUrl } from './device-token.ts';
import { queryParam } from './site-param.ts';

export type DeviceStart = { kind: 'ready'; siteId: string; token: string } | { kind: 'needs_pairing' };

/**
 * How a kiosk or display starts: exchange a `?pair=` pairing code if the link has one, else use its
 * stored (or `?pair=`) token, ask the server which site the device belongs to, and fall back to
 * pairing when there is no token or it was revoked.
 */
export async function startDeviceSession(api: ApiClient): Promise<DeviceStart> {
  const code = takePairingCodeFromUrl();
  if (code) {
    try {
      return await pairThisDevice(api, code);
    } catch (error) {
      // A used or expired code (a link opened twice): carry on with the token this device may already hold.
      if (!(error instanceof ApiRequestError && error.statusCode === 401)) throw error;
    }
  }
  const token = takeDeviceTokenFromUrl();
  if (!token) return { kind: 'needs_pairing' };
  api.setDeviceToken(token);
  try {
    const session = await api.getSession();
    const siteId = queryParam('site') ?? (session.kind === 'device' ? session.siteId : null);
    if (!siteId) return { kind: 'needs_pairing' };
    return { kind: 'ready', siteId, token };
  } catch (error) {
    if (error instanceof ApiRequestError && error.statusCode === 401) {
      saveDeviceToken(null);
      api.setDeviceToken(null);
      return { kind: 'needs_pairing' };
    }
    throw error;
  }
}

/** Exchanges the one-time code an admin created for this device's token, and keeps it. */
export async function pairThisDevice(api: ApiClient, code: string): Promise<DeviceStart> {
  const paired = await api.pairDevice(code.trim());
  saveDeviceToken(paired.token);
  api.setDeviceToken(paired.token);
  return { kind: 'ready', siteId: queryParam('site') ?? paired.siteId, token: paired.token };
}
