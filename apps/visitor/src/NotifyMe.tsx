import { ApiRequestError, createVisitorApi, type VisitorNotificationStatus } from '@walkup/client';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useVisitorApp } from './visitor-context.ts';
import './NotifyMe.css';

const pushSupported = () => typeof navigator !== 'undefined' && 'serviceWorker' in navigator && typeof window !== 'undefined' && 'PushManager' in window;

/** Subscribes this phone through the service worker and the Push API. */
async function subscribeThisPhone(vapidPublicKey: string) {
  const registration = await navigator.serviceWorker.register('/visitor/sw.js', { scope: '/visitor/' });
  await navigator.serviceWorker.ready;
  const key = Uint8Array.from(atob(vapidPublicKey.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  const json = subscription.toJSON() as { endpoint: string; keys: { p256dh: string; auth: string } };
  return { endpoint: json.endpoint, keys: json.keys };
}

/** "Notify me" (push on this phone) and the one-tap opt-out of every notification of this visit. */
export function NotifyMe({ token }: { token: string }) {
  const { t } = useVisitorApp().i18n;
  const api = useMemo(() => createVisitorApi(token), [token]);
  const [status, setStatus] = useState<VisitorNotificationStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    api.getNotifications().then(setStatus, () => setStatus(null));
  }, [api]);

  async function run(action: () => Promise<VisitorNotificationStatus>) {
    setBusy(true);
    setFailure(null);
    try {
      setStatus(await action());
    } catch (error) {
      setFailure(t('notifyFailed', { message: error instanceof ApiRequestError ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  }

  if (!status) return null;
  const canPush = status.vapidPublicKey !== null && !status.push && pushSupported();
  return (
    <section class="notify-me" aria-labelledby="notify-title">
      <h2 id="notify-title">{t('notifyTitle')}</h2>
      {status.optedOut ? (
        <>
          <p data-testid="notify-state">{t('notifyStopped')}</p>
          <button type="button" class="button" disabled={busy} onClick={() => void run(() => api.setOptedOut(false))}>
            {t('notifyResume')}
          </button>
        </>
      ) : (
        <>
          <p data-testid="notify-state">{status.email || status.push ? t(status.push ? 'notifyOnPush' : 'notifyOnEmail') : t('notifyNone')}</p>
          {canPush && (
            <button type="button" class="button button-primary" disabled={busy} onClick={() => void run(async () => api.subscribePush(await subscribeThisPhone(status.vapidPublicKey!)))}>
              {t('notifyMe')}
            </button>
          )}
          {(status.email || status.push) && (
            <button type="button" class="button" disabled={busy} onClick={() => void run(() => api.setOptedOut(true))}>
              {t('notifyStop')}
            </button>
          )}
        </>
      )}
      {failure && (
        <p role="alert" class="notify-failure">
          {failure}
        </p>
      )}
    </section>
  );
}
