import { ApiRequestError, createVisitorApi } from '@walkup/client';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useVisitorApp } from './visitor-context.ts';

/**
 * After a missed call: while the site's grace window lasts, one button puts the visitor back at the
 * front of the line. The server decides whether it is still open; the page only asks.
 */
export function RejoinOffer({ token, onRejoined }: { token: string; onRejoined: () => void }) {
  const { t, lang } = useVisitorApp().i18n;
  const api = useMemo(() => createVisitorApi(token), [token]);
  const [openUntil, setOpenUntil] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    void api.getRejoin().then((answer) => setOpenUntil(answer.openUntil), () => setOpenUntil(null));
  }, [api]);

  if (!openUntil) return null;
  const time = new Intl.DateTimeFormat(lang.value, { hour: '2-digit', minute: '2-digit' }).format(new Date(openUntil));

  async function rejoin() {
    setBusy(true);
    setFailure(null);
    try {
      await api.rejoin();
      onRejoined();
    } catch (error) {
      setFailure(t('actionFailed', { message: error instanceof ApiRequestError ? error.message : String(error) }));
      setBusy(false);
    }
  }

  return (
    <div class="rejoin-offer">
      <p>{t('rejoinOffer', { time })}</p>
      <button type="button" class="button button-primary" data-testid="rejoin" disabled={busy} onClick={() => void rejoin()}>
        {t('rejoin')}
      </button>
      {failure && <p role="alert">{failure}</p>}
    </div>
  );
}
