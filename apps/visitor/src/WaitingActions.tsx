import { createVisitorApi } from '@walkup/client';
import { stepAwayMinutes } from '@walkup/domain';
import type { VisitorTicket } from '@walkup/protocol';
import { useMemo, useState } from 'preact/hooks';
import { ActionFailure } from './ActionFailure.tsx';
import { useVisitorAction } from './use-visitor-action.ts';
import { useVisitorApp } from './visitor-context.ts';
import './WaitingActions.css';

/** "10 more minutes", "I'm back", "I can't come": the live ticket follows on the socket after each. */
export function WaitingActions({ token, ticket }: { token: string; ticket: VisitorTicket }) {
  const { t, lang } = useVisitorApp().i18n;
  const api = useMemo(() => createVisitorApi(token), [token]);
  const [confirming, setConfirming] = useState(false);
  const { busy, failure, run } = useVisitorAction();

  const awayUntil = ticket.awayUntil ? new Intl.DateTimeFormat(lang.value, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ticket.awayUntil)) : null;
  return (
    <div class="waiting-actions">
      {awayUntil && (
        <p class="waiting-away" data-testid="away">
          {t('awayUntil', { time: awayUntil })}
        </p>
      )}
      {awayUntil && (
        <button type="button" class="button button-primary" disabled={busy} onClick={() => void run(api.comeBack)}>
          {t('imBack')}
        </button>
      )}
      {ticket.stepAwayLeftMinutes >= stepAwayMinutes ? (
        <>
          <button type="button" class="button" disabled={busy} onClick={() => void run(() => api.stepAway())}>
            {t('moreTime')}
          </button>
          <p class="waiting-hint">{t('moreTimeHint')}</p>
        </>
      ) : (
        <p class="waiting-hint">{t('noMoreTime')}</p>
      )}
      {confirming ? (
        <div class="waiting-confirm" role="group" aria-labelledby="cancel-question">
          <p id="cancel-question">{t('cancelConfirm')}</p>
          <button type="button" class="button button-danger" disabled={busy} onClick={() => void run(api.cancel)}>
            {t('cancelYes')}
          </button>
          <button type="button" class="button" onClick={() => setConfirming(false)} autofocus>
            {t('cancelNo')}
          </button>
        </div>
      ) : (
        <button type="button" class="button button-quiet" onClick={() => setConfirming(true)}>
          {t('cantCome')}
        </button>
      )}
      <ActionFailure failure={failure} />
    </div>
  );
}
