import { useSignal } from '@preact/signals';
import type { BookedAppointment, BookingOptions } from '@walkup/client';
import { useMemo } from 'preact/hooks';
import { appointmentApi, messageOf } from './booking-api.ts';
import { bookableDays, bookableReasons, formatTime } from './booking-model.ts';
import { CheckEmailCard, PersonFields, SubmitFooter } from './PersonFields.tsx';
import { CompanySignIn } from './CompanySignIn.tsx';
import { ConfirmedBooking } from './ConfirmedBooking.tsx';
import { useVisitorSso } from './use-visitor-sso.ts';
import { ReasonPicker } from './ReasonPicker.tsx';
import { SlotPicker } from './SlotPicker.tsx';
import { ProblemCard } from './ProblemCard.tsx';
import { useLoaded } from './use-loaded.ts';
import { useVisitorApp } from './visitor-context.ts';
import './BookingPage.css';

function BookingForm({ options }: { options: BookingOptions }) {
  const { t, lang } = useVisitorApp().i18n;
  const reasons = useMemo(() => bookableReasons(options.categories), [options]);
  const days = useMemo(() => bookableDays(new Date(), options.timeZone, options.bookAheadDays), [options]);
  const reason = useSignal<string | null>(null);
  const slot = useSignal<string | null>(null);
  const name = useSignal('');
  const email = useSignal('');
  const problem = useSignal<string | null>(null);
  const sent = useSignal<{ sentTo: string; expiresAt: string } | null>(null);
  const booked = useSignal<BookedAppointment | null>(null);
  const refresh = useSignal(0);
  const sso = useVisitorSso(options.siteId, 'booking', options.identification.sso);

  if (booked.value) return <ConfirmedBooking booked={booked.value} timeZone={options.timeZone} />;
  if (sent.value) return <CheckEmailCard body={t('checkEmailBody', { email: sent.value.sentTo, time: formatTime(sent.value.expiresAt, options.timeZone, lang.value) })} />;

  async function submit(event: Event, ask: () => Promise<void>) {
    event.preventDefault();
    problem.value = null;
    if (!reason.value || !slot.value) return void (problem.value = t('pickAll'));
    try {
      await ask();
    } catch (error) {
      problem.value = t('problem', { message: messageOf(error) });
      refresh.value += 1;
    }
  }
  const byEmail = () =>
    appointmentApi.requestBooking(options.siteId, { categoryId: reason.value!, startsAt: slot.value!, name: name.value.trim(), email: email.value.trim(), language: lang.value }).then((s) => void (sent.value = s));
  const bySso = () =>
    appointmentApi.bookWithSso({ siteId: options.siteId, categoryId: reason.value!, startsAt: slot.value!, language: lang.value }).then((made) => {
      // As after the emailed link: a reload shows the booking through its manage link.
      globalThis.history?.replaceState(null, '', `?appointment=${encodeURIComponent(made.manageToken)}`);
      booked.value = made;
    });
  const choices = (
    <>
      <ReasonPicker reasons={reasons} selected={reason} />
      {reason.value && <SlotPicker siteId={options.siteId} categoryId={reason.value} timeZone={options.timeZone} days={days} selected={slot} refresh={refresh.value} />}
    </>
  );

  return (
    <section class="visitor-card" aria-labelledby="booking-title">
      <h1 id="booking-title">{t('bookTitle', { site: options.name })}</h1>
      {options.identification.sso && <CompanySignIn sso={sso} />}
      {!sso.checked.value ? (
        <p class="visitor-loading">{t('ssoChecking')}</p>
      ) : sso.identity.value ? (
        <form class="booking-form" onSubmit={(e) => submit(e, bySso)}>
          {choices}
          <SubmitFooter problem={problem.value} label={t('bookNow')} />
        </form>
      ) : options.identification.email ? (
        <form class="booking-form" onSubmit={(e) => submit(e, byEmail)}>
          {options.identification.sso && <h2>{t('ssoOrEmail')}</h2>}
          {choices}
          <PersonFields legend={t('stepYou', { number: reason.value ? 4 : 2 })} hint={t('emailHint')} name={name} email={email} />
          <SubmitFooter problem={problem.value} label={t('sendLink')} />
        </form>
      ) : (
        !options.identification.sso && <p role="alert">{t('ssoOnlyUnavailable')}</p>
      )}
    </section>
  );
}

export function BookingPage({ siteId }: { siteId: string }) {
  const { t } = useVisitorApp().i18n;
  const options = useLoaded(() => appointmentApi.bookingOptions(siteId), siteId);
  if (options.problem) return <ProblemCard problem={options.problem} />;
  if (!options.value) return <p class="visitor-loading">{t('bookLoading')}</p>;
  return <BookingForm options={options.value} />;
}
