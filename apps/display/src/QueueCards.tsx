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
  const timeZone = store.config.value?.timeZone;
  // Without an estimate because nobody serves the queue, that is what a newcomer needs to know (as on the kiosk).
  const unservedText = (queueId: string) => {
    const nobodyServing = estimates?.nobodyServing?.[queueId];
    return nobodyServing && !estimates?.queues[queueId] ? formatNobodyServing(nobodyServing, lang.value, timeZone) : null;
  };
  const unserved = view.queues.map((queue) => unservedText(queue.id));
  // Nobody on duty at all (before opening, everyone at lunch): said once for the site, not on every card.
  const sameForAll = view.queues.length > 1 && unserved.every((text) => text !== null && text === unserved[0]) ? unserved[0] : null;
  // Every queue must fit on a wall screen nobody can scroll: past three, each card takes two lines and
  // they shrink with their number (QueueCards.css).
  const compact = view.queues.length > 3;
  return (
    <div class={compact ? 'queue-panel queue-panel-compact' : 'queue-panel'}>
      {sameForAll && (
        <p class="queue-cards-unserved" data-testid="site-nobody-serving">
          {sameForAll}
        </p>
      )}
      <ul class="queue-cards" aria-label={t('estimatedWait')} style={{ '--queues': view.queues.length }}>
        {view.queues.map((queue, index) => {
          const nobodyServing = estimates?.nobodyServing?.[queue.id];
          return (
            <li key={queue.id} class="queue-card" data-testid={`queue-card-${queue.id}`}>
              <h3>
                {queue.prefix} · {localized(queue.name, lang.value)}
              </h3>
              <p class="queue-card-count" data-testid="queue-waiting-count">
                {t('waitingCount', { count: waitingInQueue(view, queue.id).length })}
              </p>
              {unserved[index] ? (
                !sameForAll && (
                  <p class="queue-card-unserved" data-testid="queue-nobody-serving">
                    {unserved[index]}
                  </p>
                )
              ) : (
                <>
                  {/* The queue's figure is a newcomer's wait (the people ahead of them plus what is being served), so it says so. */}
                  <p class="queue-card-wait" data-testid="queue-join-wait">
                    {t('joinNowLabel')} <span class="queue-card-range">{formatWait(estimates?.queues[queue.id], lang.value)}</span>
                  </p>
                  {nobodyServing && (
                    <p class="queue-card-unserved" data-testid="queue-nobody-serving">
                      {formatNobodyServing(nobodyServing, lang.value, timeZone)}
                    </p>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
