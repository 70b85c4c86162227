import type { BookedAppointment } from '@walkup/client';
import { appointmentApi } from './booking-api.ts';
import { ConfirmedBooking } from './ConfirmedBooking.tsx';
import { ProblemCard } from './ProblemCard.tsx';
import { useLoaded } from './use-loaded.ts';
import { useVisitorApp } from './visitor-context.ts';
import './BookingPage.css';

interface Confirmed {
  booked: BookedAppointment;
  timeZone: string;
}

/** Opening the emailed one-time link books the slot, once; the page then shows what to bring. */
export function ConfirmPage({ token }: { token: string }) {
  const { t } = useVisitorApp().i18n;
  const confirmed = useLoaded<Confirmed>(async () => {
    const booked = await appointmentApi.confirm(token);
    const options = await appointmentApi.bookingOptions(booked.appointment.siteId);
    // The link is used up: replace it by the manage link so a reload shows the booking, not an error.
    globalThis.history?.replaceState(null, '', `?appointment=${encodeURIComponent(booked.manageToken)}`);
    return { booked, timeZone: options.timeZone };
  }, token);
  if (confirmed.problem) return <ProblemCard problem={confirmed.problem} />;
  if (!confirmed.value) return <p class="visitor-loading">{t('confirming')}</p>;
  return <ConfirmedBooking booked={confirmed.value.booked} timeZone={confirmed.value.timeZone} />;
}
