import type { AppointmentRoute } from './booking-model.ts';
import { BookingPage } from './BookingPage.tsx';
import { ConfirmPage } from './ConfirmPage.tsx';
import { ManagePage } from './ManagePage.tsx';
import { RemoteCheckInLinkPage, RemoteCheckInPage } from './RemoteCheckInPage.tsx';
import { CheckInPoster } from './CheckInPoster.tsx';

export function AppointmentPage({ route }: { route: AppointmentRoute }) {
  if (route.page === 'book') return <BookingPage siteId={route.siteId} />;
  if (route.page === 'confirm') return <ConfirmPage token={route.token} />;
  if (route.page === 'checkin') return <RemoteCheckInPage siteId={route.siteId} />;
  if (route.page === 'checkin-link') return <RemoteCheckInLinkPage token={route.token} />;
  if (route.page === 'poster') return <CheckInPoster siteId={route.siteId} />;
  return <ManagePage token={route.token} />;
}
