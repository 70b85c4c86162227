/**
 * A kiosk or display proves what it is with a long-lived device token, kept in localStorage so the
 * screen survives reboots unattended. A link can pair it (`?pair=<one-time pairing code>`, what a
 * demo install prints) or hand over a token (`?pair=<token>`); either is removed from the address
 * bar at once, so it does not linger in history or screenshots.
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

/** A one-time pairing code as admins hand them out (XXXX-XXXX, any case); device tokens are far longer. */
export function isPairingCode(value: string): boolean {
  return /^[a-z0-9]{4}-?[a-z0-9]{4}$/i.test(value.trim());
}

function removePairParam(url: URL): void {
  url.searchParams.delete('pair');
  globalThis.history.replaceState(null, '', url);
}

/** Takes a one-time pairing code off the URL (`?pair=ABCD-EFGH`), to be exchanged for a token. */
export function takePairingCodeFromUrl(): string | null {
  const url = new URL(globalThis.location.href);
  const value = url.searchParams.get('pair');
  if (!value || !isPairingCode(value)) return null;
  removePairParam(url);
  return value.trim();
}

/** Takes a token given as `?pair=` off the URL, storing it; returns the token to use (from the URL or storage). */
export function takeDeviceTokenFromUrl(): string | null {
  const url = new URL(globalThis.location.href);
  const fromUrl = url.searchParams.get('pair');
  if (fromUrl) {
    saveDeviceToken(fromUrl);
    removePairParam(url);
  }
  return fromUrl ?? loadDeviceToken();
}
