import type { BookingMessage } from './booking-messages.ts';
import type { VisitorSso } from './use-visitor-sso.ts';
import { useVisitorApp } from './visitor-context.ts';

const errorMessages: Record<string, BookingMessage> = {
  cancelled: 'ssoError_cancelled',
  rejected: 'ssoError_rejected',
  expired: 'ssoError_expired',
  provider_refused: 'ssoError_provider_refused',
  unavailable: 'ssoError_unavailable',
  no_contact: 'ssoError_no_contact',
};

/**
 * "Sign in with your company account", or who the visitor signed in as: shown, never editable, since
 * it comes from their company's provider. A refusal from the provider is said here, in words.
 */
export function CompanySignIn({ sso }: { sso: VisitorSso }) {
  const { t } = useVisitorApp().i18n;
  const identity = sso.identity.value;
  const error = sso.error.value;
  return (
    <div class="booking-sso">
      <div aria-live="assertive">
        {error && (
          <p class="booking-problem" role="alert" data-testid="sso-error">
            {t(errorMessages[error] ?? 'ssoError_rejected')}
          </p>
        )}
      </div>
      {identity ? (
        <div class="booking-identity" data-testid="sso-identity">
          <p>
            <strong>{t('ssoSignedInAs', { name: identity.name })}</strong>
          </p>
          {identity.email && <p>{identity.email}</p>}
          {identity.employeeId && <p>{t('ssoEmployeeId', { id: identity.employeeId })}</p>}
          <button type="button" class="booking-secondary" onClick={() => void sso.forget()}>
            {t('ssoNotYou')}
          </button>
        </div>
      ) : (
        <>
          <a class="booking-primary" href={sso.startUrl} data-testid="sso-sign-in">
            {t('ssoSignIn')}
          </a>
          <p class="booking-hint">{t('ssoHint')}</p>
        </>
      )}
    </div>
  );
}
