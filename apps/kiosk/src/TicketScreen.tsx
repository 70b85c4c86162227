import { formatWait } from '@walkup/client';
import { positionInQueue } from '@walkup/domain';
import type { CheckInResponse } from '@walkup/protocol';
import { useEffect, useState } from 'preact/hooks';
import { useKiosk } from './kiosk-context.ts';
import './TicketScreen.css';

const showForSeconds = 8;

export function TicketScreen({ ticket }: { ticket: CheckInResponse }) {
  const store = useKiosk();
  const { t, lang } = store.i18n;
  const [secondsLeft, setSecondsLeft] = useState(showForSeconds);

  useEffect(() => {
    const timer = setInterval(() => setSecondsLeft((s) => s - 1), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (secondsLeft <= 0) store.reset();
  }, [secondsLeft, store]);

  // The live view may already know a better position (someone ahead was called meanwhile).
  const view = store.site.view.value;
  const position = (view && positionInQueue(view, ticket.id)) ?? ticket.position;
  const estimate = store.site.estimates.value?.visits[ticket.id] ?? ticket.estimate;

  return (
    <section class="ticket" aria-labelledby="ticket-label" aria-live="polite">
      <p id="ticket-label" class="ticket-label">
        {t('ticketTitle')}
      </p>
      <p class="ticket-number" data-testid="ticket-number">
        {ticket.ticketNumber}
      </p>
      <p class="ticket-line">{t('position', { position })}</p>
      <p class="ticket-line">{t('wait', { wait: formatWait(estimate, lang.value) })}</p>
      <p class="ticket-hint">{t('watchScreen')}</p>
      <button class="button button-primary" type="button" onClick={store.reset} autofocus>
        {t('done')}
      </button>
      <p class="ticket-hint">{t('resetsIn', { seconds: Math.max(0, secondsLeft) })}</p>
    </section>
  );
}
