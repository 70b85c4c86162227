import { useSignal } from '@preact/signals';
import type { RemoteCheckInOptions } from '@walkup/client';
import { useMemo } from 'preact/hooks';
import { appointmentApi, messageOf } from './booking-api.ts';
import { bookableReasons, formatTime } from './booking-model.ts';
import { ProblemCard } from './ProblemCard.tsx';
import { CheckEmailCard, PersonFields, SubmitFooter } from './PersonFields.tsx';
import { CompanySignIn } from './CompanySignIn.tsx';
import { useVisitorSso } from './use-visitor-sso.ts';
import { ReasonPicker } from './ReasonPicker.tsx';
import { useLoaded } from './use-loaded.ts';
import { useVisitorApp } from './visitor-context.ts';
import './BookingPage.css';

function RemoteCheckInForm({ options }: { options: RemoteCheckInOptions }) {
  const { t, lang } = useVisitorApp().i18n;
  // The kiosk's tree: every leaf is a choice, groups are headings.
  const reasons = useMemo(() => bookableReasons(options.categories.map((c) => ({ ...c, bookable: c.leaf }))), [options]);
  const reason = useSignal<string | null>(null);
  const name = useSignal('');
  const email = useSignal('');
  const problem = useSignal<string | null>(null);
  const sent = useSignal<{ sentTo: string; expiresAt: string } | null>(null);
  const sso = useVisitorSso(options.siteId, 'check-in', options.identification.sso);

  if (sent.value) return <CheckEmailCard body={t('remoteCheckEmailBody', { email: sent.value.sentTo, time: formatTime(sent.value.expiresAt, Intl.DateTimeFormat().resolvedOptions().timeZone, lang.value) })} />;

  async function submit(event: Event, ask: () => Promise<void>) {
    event.preventDefault();
    problem.value = null;
    if (!reason.value) return void (problem.value = t('remotePickReason'));
    try {
      await ask();
    } catch (error) {
      problem.value = t('problem', { message: messageOf(error) });
    }
  }
  const byEmail = () => appointmentApi.requestRemoteCheckIn(options.siteId, { categoryId: reason.value!, name: name.value.trim(), email: email.value.trim(), language: lang.value }).then((s) => void (sent.value = s));
  // Signed in: the place is taken at once, and the ticket page replaces this one ("On the way").
  const bySso = () => appointmentApi.checkInWithSso({ siteId: options.siteId, categoryId: reason.value!, language: lang.value }).then(({ visitorLink }) => globalThis.location.replace(visitorLink));

  return (
    <section class="visitor-card" aria-labelledby="checkin-title">
      <h1 id="checkin-title">{t('remoteTitle', { site: options.name })}</h1>
      <p class="booking-hint">{t('remoteIntro')}</p>
      {options.identification.sso && <CompanySignIn sso={sso} />}
      {!sso.checked.value ? (
        <p class="visitor-loading">{t('ssoChecking')}</p>
      ) : sso.identity.value ? (
        <form class="booking-form" onSubmit={(e) => submit(e, bySso)}>
          <ReasonPicker reasons={reasons} selected={reason} />
          <SubmitFooter problem={problem.value} label={t('remoteTakePlace')} />
        </form>
      ) : options.identification.email ? (
        <form class="booking-form" onSubmit={(e) => submit(e, byEmail)}>
          {options.identification.sso && <h2>{t('ssoOrEmail')}</h2>}
          <ReasonPicker reasons={reasons} selected={reason} />
          <PersonFields legend={t('stepYou', { number: 2 })} hint={t('remoteEmailHint')} name={name} email={email} />
          <SubmitFooter problem={problem.value} label={t('sendLink')} />
        </form>
      ) : (
        !options.identification.sso && <p role="alert">{t('ssoOnlyUnavailable')}</p>
      )}
    </section>
  );
}

/** The QR poster's page: the category tree, then the company account or a name and an email (the emailed link does the rest). */
export function RemoteCheckInPage({ siteId }: { siteId: string }) {
  const { t } = useVisitorApp().i18n;
  const options = useLoaded(() => appointmentApi.remoteCheckInOptions(siteId), siteId);
  if (options.problem) return <ProblemCard problem={options.problem} />;
  if (!options.value) return <p class="visitor-loading">{t('loading')}</p>;
  return <RemoteCheckInForm options={options.value} />;
}

/** Opening the emailed link takes the place, once, then shows the live ticket ("On the way"). */
export function RemoteCheckInLinkPage({ token }: { token: string }) {
  const { t } = useVisitorApp().i18n;
  const taken = useLoaded(
    () =>
      appointmentApi
        .confirmRemoteCheckIn(token)
        // Replaces the used link in the history: back or reload shows the ticket, not a "link used" error.
        .then(({ visitorLink }) => globalThis.location.replace(visitorLink)),
    token,
  );
  if (taken.problem) return <ProblemCard problem={taken.problem} />;
  return <p class="visitor-loading">{t('remoteConfirming')}</p>;
}
