import { useSignal } from '@preact/signals';
import type { AppointmentView, BookingOptions } from '@walkup/client';
import { useEffect, useMemo } from 'preact/hooks';
import { AppointmentDetails } from './AppointmentDetails.tsx';
import { appointmentApi, messageOf } from './booking-api.ts';
import { bookableDays, formatDayAndTime } from './booking-model.ts';
import { ProblemCard } from './ProblemCard.tsx';
import { SlotPicker } from './SlotPicker.tsx';
import { useVisitorApp } from './visitor-context.ts';
import { problemOf, type LoadProblem } from './visitor-problems.ts';
import './BookingPage.css';

function Reschedule({ token, appointment, options, onMoved }: { token: string; appointment: AppointmentView; options: BookingOptions; onMoved(view: AppointmentView): void }) {
  const { t } = useVisitorApp().i18n;
  const days = useMemo(() => bookableDays(new Date(), options.timeZone, options.bookAheadDays), [options]);
  const slot = useSignal<string | null>(null);
  const refresh = useSignal(0);
  const problem = useSignal<string | null>(null);
  async function submit(event: Event) {
    event.preventDefault();
    problem.value = null;
    if (!slot.value) return void (problem.value = t('pickAll'));
    try {
      onMoved(await appointmentApi.reschedule(token, slot.value));
      // The freed and the taken time both change their places left.
      slot.value = null;
      refresh.value += 1;
    } catch (error) {
      // A 409: someone took that time meanwhile; the fresh list shows it full.
      problem.value = t('problem', { message: messageOf(error) });
      slot.value = null;
      refresh.value += 1;
    }
  }
  return (
    <form class="booking-form" onSubmit={submit} aria-labelledby="reschedule-title">
      <h2 id="reschedule-title">{t('reschedule')}</h2>
      <SlotPicker siteId={options.siteId} categoryId={appointment.categoryId} timeZone={options.timeZone} days={days} selected={slot} refresh={refresh.value} />
      <div aria-live="assertive">{problem.value && <p class="booking-problem" role="alert">{problem.value}</p>}</div>
      <button type="submit" class="booking-primary">
        {t('rescheduleSave')}
      </button>
    </form>
  );
}

function CancelAppointment({ token, onCancelled }: { token: string; onCancelled(view: AppointmentView): void }) {
  const { t } = useVisitorApp().i18n;
  const asking = useSignal(false);
  const problem = useSignal<string | null>(null);
  async function cancel() {
    try {
      onCancelled(await appointmentApi.cancel(token));
    } catch (error) {
      problem.value = t('problem', { message: messageOf(error) });
    }
  }
  return (
    <div class="booking-actions">
      {asking.value ? (
        <div role="group" aria-labelledby="cancel-question" class="booking-actions">
          <p id="cancel-question">{t('cancelAppointmentConfirm')}</p>
          <button type="button" class="booking-primary" onClick={cancel} autoFocus>
            {t('cancelAppointmentYes')}
          </button>
          <button type="button" class="booking-secondary" onClick={() => (asking.value = false)}>
            {t('cancelAppointmentNo')}
          </button>
        </div>
      ) : (
        <button type="button" class="booking-secondary" onClick={() => (asking.value = true)}>
          {t('cancelAppointment')}
        </button>
      )}
      {problem.value && (
        <p class="booking-problem" role="alert">
          {problem.value}
        </p>
      )}
    </div>
  );
}

/** The confirmation's manage link: see the booking, move it to another free time, or cancel it. */
export function ManagePage({ token }: { token: string }) {
  const { t, lang } = useVisitorApp().i18n;
  const appointment = useSignal<AppointmentView | null>(null);
  const options = useSignal<BookingOptions | null>(null);
  const problem = useSignal<LoadProblem | null>(null);
  const notice = useSignal<string | null>(null);
  useEffect(() => {
    appointmentApi
      .byLink(token)
      .then(async (view) => {
        options.value = await appointmentApi.bookingOptions(view.siteId);
        appointment.value = view;
      })
      .catch((error: unknown) => (problem.value = problemOf(error)));
  }, [token]);
  if (problem.value) return <ProblemCard problem={problem.value} />;
  if (!appointment.value || !options.value) return <p class="visitor-loading">{t('bookLoading')}</p>;
  const view = appointment.value;
  const site = options.value;
  return (
    <section class="visitor-card" aria-labelledby="manage-title">
      <h1 id="manage-title">{t('manageTitle')}</h1>
      <AppointmentDetails appointment={view} timeZone={site.timeZone} showState />
      <div aria-live="polite">{notice.value && <p data-testid="manage-notice">{notice.value}</p>}</div>
      {view.state === 'booked' && (
        <>
          <a class="booking-secondary" href={appointmentApi.calendarUrl(token)} download="appointment.ics">
            {t('addToCalendar')}
          </a>
          <Reschedule
            token={token}
            appointment={view}
            options={site}
            onMoved={(moved) => {
              appointment.value = moved;
              notice.value = t('rescheduled', { when: formatDayAndTime(moved.startsAt, site.timeZone, lang.value) });
            }}
          />
          <CancelAppointment
            token={token}
            onCancelled={(cancelled) => {
              appointment.value = cancelled;
              notice.value = t('cancelledDone');
            }}
          />
        </>
      )}
      {view.state === 'cancelled' && (
        <a class="booking-secondary" href={`?book=${encodeURIComponent(view.siteId)}`}>
          {t('bookAgain')}
        </a>
      )}
    </section>
  );
}
