import type { Principal } from './principal.ts';

interface Closable {
  close(code?: number, reason?: string): void;
}

/** 4401: the credential behind this socket is no longer valid; clients stop reconnecting and re-pair. */
export const credentialRevokedCode = 4401;

/**
 * Open websockets by the credential that opened them, so revoking a device or signing out closes
 * its live connections at once instead of at the next reconnect.
 */
export function createLiveConnections() {
  const byKey = new Map<string, Set<Closable>>();
  const keysOf = (principal: Principal) =>
    principal.kind === 'device' ? [`device:${principal.deviceId}`] : [`session:${principal.sessionHash}`, `user:${principal.userId}`];

  function closeKey(key: string, reason: string): number {
    const sockets = byKey.get(key);
    if (!sockets) return 0;
    byKey.delete(key);
    for (const socket of sockets) socket.close(credentialRevokedCode, reason);
    return sockets.size;
  }

  return {
    /** Registers a socket; returns the function to call when it closes. */
    add(principal: Principal, socket: Closable): () => void {
      const keys = keysOf(principal);
      for (const key of keys) {
        const sockets = byKey.get(key) ?? new Set();
        sockets.add(socket);
        byKey.set(key, sockets);
      }
      return () => {
        for (const key of keys) {
          byKey.get(key)?.delete(socket);
          if (byKey.get(key)?.size === 0) byKey.delete(key);
        }
      };
    },
    closeDevice: (deviceId: string) => closeKey(`device:${deviceId}`, 'device revoked'),
    closeSession: (sessionHash: string) => closeKey(`session:${sessionHash}`, 'signed out'),
    closeUser: (userId: string) => closeKey(`user:${userId}`, 'account changed'),
  };
}

export type LiveConnections = ReturnType<typeof createLiveConnections>;
