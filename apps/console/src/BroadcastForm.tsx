import { broadcastMaxLength, currentBroadcast, type SiteBroadcast } from '@walkup/domain';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useConsole } from './console-context.ts';
import './BroadcastForm.css';

const expiryChoices = [15, 30, 60, 120, 240];

/** On the desk tab: the site the technician serves, whose live view says what is shown now. */
export function BroadcastForm() {
  const store = useConsole();
  const siteId = store.selection.value.siteId;
  if (!siteId) return null;
  return <BroadcastFields siteId={siteId} current={currentBroadcast(store.site.view.value?.broadcast, store.now.value)} />;
}

/**
 * A short message to everyone waiting at a site ("we are running 15 minutes late"): the wall display
 * and every phone page show it, live, until it expires or is cleared. `current` is what is shown now
 * (null: nothing; undefined: not known here).
 */
export function BroadcastFields({ siteId, current, children }: { siteId: string; current: SiteBroadcast | null | undefined; children?: ComponentChildren }) {
  const store = useConsole();
  const { t } = store.i18n;
  const [message, setMessage] = useState('');
  const [minutes, setMinutes] = useState(60);
  const [sending, setSending] = useState(false);

  async function run(work: () => Promise<unknown>, done: string) {
    setSending(true);
    try {
      await work();
      store.toasts.show(done);
      setMessage('');
    } catch (error) {
      store.reportError(error);
    } finally {
      setSending(false);
    }
  }
  const post = (event: Event) => {
    event.preventDefault();
    void run(() => store.api.postBroadcast(siteId, { message: message.trim(), expiresInMinutes: minutes }), t('broadcastPosted'));
  };

  return (
    <section class="panel" aria-labelledby="broadcast-title">
      <h2 id="broadcast-title">{t('broadcastTitle')}</h2>
      {current && (
        <p class="broadcast-current" data-testid="broadcast-current">
          {t('broadcastShown', { message: current.message })}
        </p>
      )}
      <form class="broadcast-form" onSubmit={post}>
        {children}
        <label for="broadcast-message">{t('broadcastMessage', { max: broadcastMaxLength })}</label>
        <textarea id="broadcast-message" value={message} maxLength={broadcastMaxLength} rows={2} required onInput={(e) => setMessage(e.currentTarget.value)} />
        <label for="broadcast-minutes">{t('broadcastExpires')}</label>
        <select id="broadcast-minutes" value={minutes} onChange={(e) => setMinutes(Number(e.currentTarget.value))}>
          {expiryChoices.map((choice) => (
            <option key={choice} value={choice}>
              {t('minutesValue', { minutes: choice })}
            </option>
          ))}
        </select>
        <div class="button-row">
          <button class="btn btn-primary" type="submit" disabled={sending || message.trim() === ''}>
            {t('broadcastPost')}
          </button>
          {current !== null && (
            <button class="btn" type="button" disabled={sending} onClick={() => void run(() => store.api.clearBroadcast(siteId), t('broadcastCleared'))}>
              {t('broadcastClear')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
