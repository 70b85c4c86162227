import { kioskTicketScreenSeconds } from '@walkup/domain';
import { useKiosk } from './kiosk-context.ts';
import { ResetFooter } from './ResetFooter.tsx';
import { useHeadingFocus } from './use-heading-focus.ts';
import './TicketScreen.css';

/**
 * The same person checked in again (the server refused a second ticket): their ticket is still
 * valid, so say which one it is and how to cancel it. Cancelling an older ticket is a technician's
 * job: a kiosk may cancel only the ticket it has just printed.
 */
export function AlreadyQueuedScreen({ ticketNumber }: { ticketNumber: string }) {
  const store = useKiosk();
  const { t } = store.i18n;
  const heading = useHeadingFocus();
  return (
    <section class="ticket" aria-labelledby="already-title">
      <h2 id="already-title" class="ticket-label" ref={heading} tabIndex={-1}>
        {t('alreadyTitle')}
      </h2>
      <p class="ticket-number" data-testid="ticket-number">
        {ticketNumber}
      </p>
      <p class="ticket-line">{t('alreadyTicket', { ticket: ticketNumber })}</p>
      <p class="ticket-hint">{t('alreadyCancelHint', { ticket: ticketNumber })}</p>
      <ResetFooter seconds={kioskTicketScreenSeconds * 2} />
    </section>
  );
}
