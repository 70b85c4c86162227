import { formatNobodyServing, localized } from '@walkup/client';
import { useConsole } from './console-context.ts';
import './StrandedAlert.css';

/**
 * Visitors waiting in a queue nobody serves now (closed, or no technician available for it, also
 * after a transfer into it): every technician sees them, whatever queues they serve themselves, so
 * someone can take them or transfer them before they wait for nothing.
 */
export function StrandedAlert() {
  const store = useConsole();
  const { t, lang } = store.i18n;
  const view = store.site.view.value;
  const nobodyServing = store.site.estimates.value?.nobodyServing ?? {};
  if (!view) return null;
  const stranded = view.queues.flatMap((queue) => {
    const state = nobodyServing[queue.id];
    const waiting = view.visits.filter((v) => v.queueId === queue.id && v.state === 'waiting');
    return state && waiting.length > 0 ? [{ queue, state, waiting }] : [];
  });
  if (stranded.length === 0) return null;
  return (
    <div class="stranded-alert" role="alert" data-testid="stranded-alert">
      <strong>{t('strandedTitle')}</strong>
      <ul>
        {stranded.map(({ queue, state, waiting }) => (
          <li key={queue.id}>
            {t('strandedQueue', {
              queue: `${queue.prefix} · ${localized(queue.name, lang.value)}`,
              count: waiting.length,
              tickets: waiting.map((v) => v.ticketNumber).join(', '),
              state: formatNobodyServing(state, lang.value, store.config.value?.timeZone),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
