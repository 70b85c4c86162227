import { useKiosk } from './kiosk-context.ts';
import { useCountdown } from './use-countdown.ts';

/** "Done", and the seconds until the screen goes back to the start by itself. */
export function ResetFooter({ seconds }: { seconds: number }) {
  const store = useKiosk();
  const { t } = store.i18n;
  const secondsLeft = useCountdown(seconds, store.reset);
  return (
    <>
      <div class="ticket-actions">
        <button class="button button-primary" type="button" onClick={store.reset}>
          {t('done')}
        </button>
      </div>
      <p class="ticket-hint">{t('resetsIn', { seconds: secondsLeft })}</p>
    </>
  );
}
