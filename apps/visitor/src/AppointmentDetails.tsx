import { localized, type AppointmentState, type AppointmentView } from '@walkup/client';
import { formatDayAndTime } from './booking-model.ts';
import type { BookingMessage } from './booking-messages.ts';
import { useVisitorApp } from './visitor-context.ts';

const stateMessages: Record<AppointmentState, BookingMessage> = {
  booked: 'stateBooked',
  arrived: 'stateArrived',
  late: 'stateLate',
  no_show: 'stateNoShow',
  cancelled: 'stateCancelled',
};

/** When (in the site's zone, whatever the phone's), why and, on the manage page, the state. */
export function AppointmentDetails({ appointment, timeZone, showState }: { appointment: AppointmentView; timeZone: string; showState: boolean }) {
  const { t, lang } = useVisitorApp().i18n;
  return (
    <dl class="ticket-facts">
      <div>
        <dt>{t('when')}</dt>
        <dd data-testid="appointment-when">{formatDayAndTime(appointment.startsAt, timeZone, lang.value)}</dd>
      </div>
      <div>
        <dt>{t('reason')}</dt>
        <dd>{localized(appointment.categoryLabel, lang.value)}</dd>
      </div>
      {showState && (
        <div>
          <dt>{t('state')}</dt>
          <dd data-testid="appointment-state">{t(stateMessages[appointment.state])}</dd>
        </div>
      )}
    </dl>
  );
}
