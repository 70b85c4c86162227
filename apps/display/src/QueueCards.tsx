import { formatNobodyServing, formatWait, localized } from '@walkup/client';
import { waitingInQueue } from '@walkup/domain';
import { useDisplay } from './display-context.ts';
import './QueueCards.css';

export function QueueCards() {
  const store = useDisplay();
  const { t, lang } = store.i18n;
  const view = store.site.view.value;
  if (!view) return null;
  const estimates = store.site.estimates.value;
  return (
    <ul class="queue-cards" aria-label={t('estimatedWait')}>
      {view.queues.map((queue) => (
        <li key={queue.id} class="queue-card" data-testid={`queue-card-${queue.id}`}>
          <h3>
            {queue.prefix} · {localized(queue.name, lang.value)}
          </h3>
          <p class="queue-card-count" data-testid="queue-waiting-count">
            {t('waitingCount', { count: waitingInQueue(view, queue.id).length })}
          </p>
          {/* The queue's figure is a newcomer's wait (the people ahead of them plus what is being served), so it says so. */}
          <p class="queue-card-wait" data-testid="queue-join-wait">
            {t('joinNowLabel')} <span class="queue-card-range">{formatWait(estimates?.queues[queue.id], lang.value)}</span>
          </p>
          {estimates?.nobodyServing?.[queue.id] && (
            <p class="queue-card-unserved" data-testid="queue-nobody-serving">
              {formatNobodyServing(estimates.nobodyServing[queue.id]!, lang.value, store.config.value?.timeZone)}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
