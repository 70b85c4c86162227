import { useSignal } from '@preact/signals';
import type { VisitorSsoIdentity, VisitorSsoPurpose } from '@walkup/client';
import { useEffect } from 'preact/hooks';
import { appointmentApi } from './booking-api.ts';

/**
 * The visitor's company sign-in on a page: who they are (after the provider sent them back), and the
 * provider's refusal as `?sso_error=`, read once and dropped from the address so a reload does not
 * say it again. Not signed in is a 401 from the server, not a problem to show.
 */
export function useVisitorSso(siteId: string, purpose: VisitorSsoPurpose, offered: boolean) {
  const identity = useSignal<VisitorSsoIdentity | null>(null);
  const checked = useSignal(!offered);
  const error = useSignal<string | null>(new URLSearchParams(globalThis.location.search).get('sso_error'));
  useEffect(() => {
    if (error.value) {
      const url = new URL(globalThis.location.href);
      url.searchParams.delete('sso_error');
      globalThis.history.replaceState(null, '', url);
    }
    if (!offered) return;
    appointmentApi
      .visitorSsoIdentity(siteId, purpose)
      .then(
        (found) => (identity.value = found),
        () => (identity.value = null),
      )
      .finally(() => (checked.value = true));
  }, [siteId, purpose, offered]);
  return {
    identity,
    checked,
    error,
    startUrl: appointmentApi.visitorSsoStartUrl(siteId, purpose),
    async forget() {
      await appointmentApi.forgetVisitorSso();
      identity.value = null;
    },
  };
}

export type VisitorSso = ReturnType<typeof useVisitorSso>;
