import { LanguageSwitch } from '@walkup/client';
import { useEffect } from 'preact/hooks';
import './App.css';
import { AppointmentPage } from './AppointmentPage.tsx';
import { appointmentRouteOf } from './booking-model.ts';
import { FeedbackPage } from './FeedbackPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { TicketPage } from './TicketPage.tsx';
import type { PageName } from './router.ts';
import { useVisitorApp } from './visitor-context.ts';

function Page({ name }: { name: PageName }) {
  if (name === 'ticket') return <TicketPage />;
  if (name === 'feedback') return <FeedbackPage />;
  return <NotFoundPage />;
}

export function App() {
  const { i18n, router } = useVisitorApp();
  const { t, lang } = i18n;
  // The booking emails link to the app's root with a query (`?book=`, `?confirm=`, `?appointment=`).
  const appointment = appointmentRouteOf(globalThis.location.search);
  // "My ticket" only on the ticket's own pages: booking, appointments and check-in come before one.
  const title = appointment ? t('walkUpTitle') : t('title');
  useEffect(() => {
    document.documentElement.lang = lang.value;
    document.title = title;
  }, [lang.value, title]);
  return (
    <div class="visitor" lang={lang.value}>
      <header class="visitor-header">
        <p class="visitor-brand">{title}</p>
        <LanguageSwitch lang={lang} label={t('language')} />
      </header>
      <main class="visitor-main">{appointment ? <AppointmentPage route={appointment} /> : <Page name={router.page.value} />}</main>
    </div>
  );
}
