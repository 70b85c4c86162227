import { QrCode } from '@walkup/client';
import { appointmentApi } from './booking-api.ts';
import { ProblemCard } from './ProblemCard.tsx';
import { useLoaded } from './use-loaded.ts';
import { useVisitorApp } from './visitor-context.ts';
import './CheckInPoster.css';

/** A printable poster: the site's remote check-in page as a QR code, in the language chosen before printing. */
export function CheckInPoster({ siteId }: { siteId: string }) {
  const { t } = useVisitorApp().i18n;
  const options = useLoaded(() => appointmentApi.remoteCheckInOptions(siteId), siteId);
  if (options.problem) return <ProblemCard problem={options.problem} />;
  if (!options.value) return <p class="visitor-loading">{t('loading')}</p>;
  const link = new URL(`/visitor/?checkin=${encodeURIComponent(siteId)}`, globalThis.location.origin).href;
  return (
    <section class="visitor-card check-in-poster" aria-labelledby="poster-title">
      <h1 id="poster-title">{t('remoteTitle', { site: options.value.name })}</h1>
      <p class="poster-line">{t('posterScan')}</p>
      <QrCode text={link} label={t('posterQr', { site: options.value.name })} testId="poster-qr" />
      <p class="poster-link">{link}</p>
      <p class="poster-line">{t('posterThen')}</p>
      <button type="button" class="button poster-print" onClick={() => globalThis.print()}>
        {t('posterPrint')}
      </button>
    </section>
  );
}
