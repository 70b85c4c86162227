import { createVisitorApi } from '@walkup/client';
import { useMemo } from 'preact/hooks';
import { ActionFailure } from './ActionFailure.tsx';
import { useVisitorAction } from './use-visitor-action.ts';
import { useVisitorApp } from './visitor-context.ts';

/** A remote check-in is "on the way" until the visitor says they are here (near the kiosk) or scans there. */
export function OnTheWay({ token }: { token: string }) {
  const { t } = useVisitorApp().i18n;
  const api = useMemo(() => createVisitorApi(token), [token]);
  const { busy, failure, run } = useVisitorAction();
  return (
    <div class="ticket-status ticket-status-on-the-way" data-testid="on-the-way">
      <p class="ticket-status-title">{t('onTheWayTitle')}</p>
      <p>{t('onTheWayBody')}</p>
      <button type="button" class="button button-primary" disabled={busy} onClick={() => void run(api.arrived)} data-testid="im-here">
        {t('imHere')}
      </button>
      <ActionFailure failure={failure} />
    </div>
  );
}
