import { formatNobodyServing, formatWait, Icon, localized } from '@walkup/client';
import type { CategoryNode } from '@walkup/protocol';
import { useRef } from 'preact/hooks';
import { BackButton } from './BackButton.tsx';
import { useKiosk } from './kiosk-context.ts';
import { useHeadingFocus } from './use-heading-focus.ts';
import './ConfirmScreen.css';

export function ConfirmScreen({ category }: { category: CategoryNode }) {
  const store = useKiosk();
  const { t, lang } = store.i18n;
  const note = useRef<HTMLInputElement>(null);
  const heading = useHeadingFocus();
  const queueEstimate = category.queueId ? store.site.estimates.value?.queues[category.queueId] : undefined;
  // Told before committing: nobody serves this queue now (and when someone is expected back).
  const nobodyServing = category.queueId ? store.site.estimates.value?.nobodyServing?.[category.queueId] : undefined;

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void store.checkIn(category, note.current?.value ?? '');
  };

  return (
    <form class="confirm" onSubmit={onSubmit} aria-labelledby="confirm-title">
      <h2 id="confirm-title" class="confirm-choice" ref={heading} tabIndex={-1}>
        <Icon name={category.icon} size="1.4em" />
        {localized(category.label, lang.value)}
      </h2>
      {nobodyServing && (
        <p class="confirm-unserved" role="status" data-testid="confirm-nobody-serving">
          {formatNobodyServing(nobodyServing, lang.value, store.config.value?.timeZone)}
        </p>
      )}
      {queueEstimate !== undefined && !(nobodyServing && !queueEstimate) && <p class="confirm-wait">{t('currentWait', { wait: formatWait(queueEstimate, lang.value) })}</p>}
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
