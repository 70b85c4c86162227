import { formatNobodyServing, formatWait } from '@walkup/client';
import { kioskTicketScreenSeconds, positionInQueue } from '@walkup/domain';
import type { CheckInResponse } from '@walkup/protocol';
import { useState } from 'preact/hooks';
import { useKiosk } from './kiosk-context.ts';
import { QrCode } from '@walkup/client';
import { useCountdown } from './use-countdown.ts';
import { useHeadingFocus } from './use-heading-focus.ts';
import './TicketScreen.css';

/** "11:20" in the site's zone (the kiosk's own clock may be set to anything). */
function formatClock(instant: string, timeZone: string | undefined, lang: string): string {
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(instant));
}

export function TicketScreen({ ticket }: { ticket: CheckInResponse }) {
  const store = useKiosk();
  const { t, lang } = store.i18n;
  const heading = useHeadingFocus();
  const [cancelled, setCancelled] = useState(false);
  const secondsLeft = useCountdown(kioskTicketScreenSeconds, store.reset);

  // The live view may already know a better position (someone ahead was called meanwhile).
  const view = store.site.view.value;
  const position = (view && positionInQueue(view, ticket.id)) ?? ticket.position;
  const estimate = store.site.estimates.value?.visits[ticket.id] ?? ticket.estimate;
  // With no estimate because nobody serves the queue, the ticket says that, not "no estimate yet".
  const nobodyServing = store.site.estimates.value?.nobodyServing?.[ticket.queueId];

  const cancel = async () => {
    if (await store.cancelTicket(ticket)) {
      setCancelled(true);
      heading.current?.focus();
    }
  };

  return (
    <section class="ticket" aria-labelledby="ticket-label">
      <h2 id="ticket-label" class="ticket-label" ref={heading} tabIndex={-1}>
        {/* A visitor on the way (remote check-in) who identified here keeps the ticket they took from afar. */}
        {cancelled ? t('cancelled', { ticket: ticket.ticketNumber }) : t(ticket.arrived ? 'arrivedTitle' : 'ticketTitle')}
      </h2>
      {!cancelled && (
        <>
          <p class="ticket-number" data-testid="ticket-number">
            {ticket.ticketNumber}
          </p>
          {ticket.appointment && (
            <p class="ticket-line ticket-appointment" data-testid="ticket-appointment">
              {t(ticket.appointment.kept ? 'appointmentKept' : 'appointmentMissed', { time: formatClock(ticket.appointment.startsAt, store.config.value?.timeZone, lang.value) })}
            </p>
          )}
          <p class="ticket-line">{t('position', { position })}</p>
          {!estimate && nobodyServing ? (
            <p class="ticket-line">{formatNobodyServing(nobodyServing, lang.value, store.config.value?.timeZone)}</p>
          ) : (
            <p class="ticket-line">{t('wait', { wait: formatWait(estimate, lang.value) })}</p>
          )}
          <p class="ticket-hint">{t('watchScreen')}</p>
          {ticket.visitorLink && (
            <figure class="ticket-phone">
              <QrCode text={new URL(ticket.visitorLink, globalThis.location.origin).href} label={t('phoneQrLabel')} />
              <figcaption>{t('phoneQr')}</figcaption>
            </figure>
          )}
        </>
      )}
      <div class="ticket-actions">
        <button class="button button-primary" type="button" onClick={store.reset}>
          {t('done')}
        </button>
        {!cancelled && (
          <button class="button" type="button" onClick={() => void cancel()} disabled={store.busy.value}>
            {t('cancelTicket')}
          </button>
        )}
      </div>
      <p class="ticket-hint">{t('resetsIn', { seconds: secondsLeft })}</p>
    </section>
  );
}
