import { useDisplay } from './display-context.ts';
import './NowServing.css';

const maxRows = 6;

export function NowServing() {
  const store = useDisplay();
  const { t } = store.i18n;
  const rows = store.nowServing.value.slice(0, maxRows);
  return (
    <section class="now-serving" aria-labelledby="now-serving-title">
      <h2 id="now-serving-title">{t('nowServing')}</h2>
      {rows.length === 0 ? (
        <p class="now-serving-empty">{t('nobodyServed')}</p>
      ) : (
        <ol aria-live="polite">
          {rows.map((visit, index) => (
            <li
              key={`${visit.id}-${visit.callCount}`}
              class={index === 0 ? `serving-latest serving-${visit.state === 'called' ? 'called' : 'started'}` : undefined}
              data-testid="now-serving-row"
            >
              <span class="serving-ticket">
                {visit.ticketNumber}
                {/* Only set when the site allows "first name + initial" on displays; the server decides. */}
                {visit.visitorName && <span class="serving-name">{visit.visitorName}</span>}
              </span>
              <span class="serving-desk">{store.deskName(visit.deskId)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
