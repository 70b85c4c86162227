import { QrCode, type BookedAppointment } from '@walkup/client';
import { AppointmentDetails } from './AppointmentDetails.tsx';
import { appointmentApi } from './booking-api.ts';
import { useVisitorApp } from './visitor-context.ts';
import './BookingPage.css';

/** A booking just made (by the emailed link or the company sign-in): what to bring, and how to manage it. */
export function ConfirmedBooking({ booked, timeZone }: { booked: BookedAppointment; timeZone: string }) {
  const { t } = useVisitorApp().i18n;
  return (
    <section class="visitor-card" aria-labelledby="confirmed-title">
      <h1 id="confirmed-title">{t('confirmedTitle')}</h1>
      <AppointmentDetails appointment={booked.appointment} timeZone={timeZone} showState={false} />
      <h2>{t('code')}</h2>
      <p class="booking-code" data-testid="check-in-code">
        {booked.checkInCode}
      </p>
      <QrCode text={booked.checkInCode} label={t('codeQr', { code: booked.checkInCode })} testId="check-in-qr" />
      <p class="booking-hint">{t('codeHint')}</p>
      <div class="booking-actions">
        <a class="booking-secondary" href={appointmentApi.calendarUrl(booked.manageToken)} download="appointment.ics">
          {t('addToCalendar')}
        </a>
        <a class="booking-secondary" href={`?appointment=${encodeURIComponent(booked.manageToken)}`} data-testid="manage-link">
          {t('manageLink')}
        </a>
      </div>
    </section>
  );
}
