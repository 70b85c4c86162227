import type { SiteVisitorSettings } from '@walkup/protocol';
import { useAdminText } from './admin-messages.ts';

type VisitorIdentification = SiteVisitorSettings['visitorIdentification'];

/**
 * Two forms on the Privacy tab show this one setting: a form sends it only when its own select was
 * changed, so saving the other rules of one form never puts back a value the other form just saved.
 */
export function unlessTouched<T extends { visitorIdentification?: VisitorIdentification }>(settings: T, touched: boolean): T {
  return touched ? settings : { ...settings, visitorIdentification: undefined };
}
const choices: VisitorIdentification[] = ['sso_or_email', 'sso', 'email'];

/**
 * How visitors away from the kiosk identify: one site setting, shown in the remote check-in form and
 * in the appointment settings. `ssoConfigured` false greys out "company account only" and says why.
 */
export function VisitorIdentificationSelect({ id, value, ssoConfigured, onChange }: { id: string; value: VisitorIdentification; ssoConfigured?: boolean; onChange: (value: VisitorIdentification) => void }) {
  const t = useAdminText();
  const noSso = ssoConfigured === false;
  return (
    <div class="field">
      <label for={id}>{t('identificationLabel')}</label>
      <select id={id} data-testid="visitor-identification" value={value} aria-describedby={noSso ? `${id}-hint` : undefined} onChange={(e) => onChange(e.currentTarget.value as VisitorIdentification)}>
        {choices.map((choice) => (
          <option key={choice} value={choice} disabled={noSso && choice === 'sso'}>
            {t(`identification_${choice}`)}
          </option>
        ))}
      </select>
      {noSso && (
        <p id={`${id}-hint`} class="muted">
          {t('identificationNoSso')}
        </p>
      )}
    </div>
  );
}
