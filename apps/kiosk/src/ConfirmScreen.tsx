import { formatWait, localized } from '@walkup/client';
import type { CategoryNode } from '@walkup/protocol';
import { useRef } from 'preact/hooks';
import { BackButton } from './BackButton.tsx';
import { Icon } from './Icon.tsx';
import { useKiosk } from './kiosk-context.ts';
import './ConfirmScreen.css';

export function ConfirmScreen({ category }: { category: CategoryNode }) {
  const store = useKiosk();
  const { t, lang } = store.i18n;
  const note = useRef<HTMLInputElement>(null);
  const queueEstimate = category.queueId ? store.site.estimates.value?.queues[category.queueId] : undefined;

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void store.checkIn(category, note.current?.value ?? '');
  };

  return (
    <form class="confirm" onSubmit={onSubmit} aria-labelledby="confirm-title">
      <h2 id="confirm-title" class="confirm-choice">
        <Icon name={category.icon} size="1.4em" />
        {localized(category.label, lang.value)}
      </h2>
      {queueEstimate !== undefined && <p class="confirm-wait">{t('currentWait', { wait: formatWait(queueEstimate, lang.value) })}</p>}
      <label for="confirm-note">{t('describe')}</label>
      <input id="confirm-note" ref={note} class="text-input" type="text" maxLength={200} autocomplete="off" />
      <div class="confirm-actions">
        <BackButton />
        <button class="button button-primary" type="submit" disabled={store.busy.value}>
          {store.busy.value ? t('sending') : t('confirm')}
        </button>
      </div>
    </form>
  );
}
