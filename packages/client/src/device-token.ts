/**
 * A kiosk or display proves what it is with a long-lived device token, kept in localStorage so the
 * screen survives reboots unattended. An admin can hand one over in the URL (`?pair=<token>`): it is
 * stored and removed from the address bar at once, so it does not linger in history or screenshots.
 */
const storageKey = 'walkup.device.token';

export function loadDeviceToken(storage: Storage | undefined = globalThis.localStorage): string | null {
  try {
    return storage?.getItem(storageKey) ?? null;
  } catch {
    return null;
  }
}

export function saveDeviceToken(token: string | null, storage: Storage | undefined = globalThis.localStorage): void {
  try {
    if (token) storage?.setItem(storageKey, token);
    else storage?.removeItem(storageKey);
  } catch {
    // Storage disabled: the token lives for this page load only; pairing again will be needed.
  }
}

/** Takes `?pair=` off the URL, storing it; returns the token to use (from the URL or storage). */
export function takeDeviceTokenFromUrl(): string | null {
  const url = new URL(globalThis.location.href);
  const fromUrl = url.searchParams.get('pair');
  if (fromUrl) {
    saveDeviceToken(fromUrl);
    url.searchParams.delete('pair');
    globalThis.history.replaceState(null, '', url);
  }
  return fromUrl ?? loadDeviceToken();
}
