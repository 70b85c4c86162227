import type { PresenceStatus } from '@walkup/domain';
import { useConsole } from './console-context.ts';

const statuses: PresenceStatus[] = ['available', 'break', 'off'];

/** Presence feeds the wait estimates: a technician on break is not counted as serving. */
export function PresenceSwitch() {
  const store = useConsole();
  const { t } = store.i18n;
  const current = store.presence.value;
  return (
    <section class="panel" aria-labelledby="presence-title">
      <h2 id="presence-title">{t('presence')}</h2>
      <div role="radiogroup" aria-labelledby="presence-title" class="button-row">
        {statuses.map((status) => (
          <button
            key={status}
            type="button"
            role="radio"
            aria-checked={current === status}
            class={current === status ? 'btn btn-primary' : 'btn'}
            disabled={store.busy.value}
            onClick={() => void store.setPresence(status)}
            data-testid={`presence-${status}`}
          >
            {t(status)}
          </button>
        ))}
      </div>
    </section>
  );
}
