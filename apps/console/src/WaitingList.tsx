import { formatElapsed, formatWait, localized } from '@walkup/client';
import type { ActiveVisitView } from '@walkup/domain';
import { useConsole } from './console-context.ts';
import { ItsmStatus } from './ItsmStatus.tsx';
import { categoryLabel, visitorLabel } from './labels.ts';
import './WaitingList.css';

function WaitingRow({ visit }: { visit: ActiveVisitView }) {
  const store = useConsole();
  const { t, lang } = store.i18n;
  const waited = (store.now.value - Date.parse(visit.checkedInAt)) / 1000;
  const estimate = store.site.estimates.value?.visits[visit.id];
  return (
    <tr data-testid="waiting-row">
      <td>
        <strong>{visit.ticketNumber}</strong>
        {visit.priority > 0 && <span class="priority-badge">{t('priority')}</span>}
      </td>
      <td>{visitorLabel(visit, t('guest'))}</td>
      <td>{categoryLabel(store.config.value, visit.categoryId, lang.value)}</td>
      <td class="waiting-waited">{formatElapsed(waited)}</td>
      <td>{formatWait(estimate, lang.value)}</td>
      <td>
        <ItsmStatus itsm={visit.itsm} />
      </td>
      <td>
        <button
          class="btn"
          type="button"
          aria-label={t('callPerson', { ticket: visit.ticketNumber })}
          disabled={store.busy.value || store.currentVisit.value !== null}
          onClick={() => void store.callVisit(visit.id)}
        >
          {t('call')}
        </button>
      </td>
    </tr>
  );
}

/** Everyone waiting in the queues this technician serves, in calling order. */
export function WaitingList() {
  const store = useConsole();
  const { t, lang } = store.i18n;
  return (
    <section class="panel" aria-labelledby="waiting-title">
      <h2 id="waiting-title">{t('waitingQueues')}</h2>
      {store.myQueues.value.map(({ queue, waiting }) => (
        <div class="waiting-queue" key={queue.id}>
          <h3>
            {queue.prefix} · {localized(queue.name, lang.value)} ({waiting.length})
          </h3>
          {waiting.length === 0 ? (
            <p class="flush muted">{t('waitingEmpty')}</p>
          ) : (
            <table class="waiting-table">
              <thead>
                <tr>
                  <th scope="col">{t('colTicket')}</th>
                  <th scope="col">{t('colName')}</th>
                  <th scope="col">{t('colCategory')}</th>
                  <th scope="col">{t('colWaited')}</th>
                  <th scope="col">{t('colEstimate')}</th>
                  <th scope="col">{t('colItsm')}</th>
                  <th scope="col">{t('colAction')}</th>
                </tr>
              </thead>
              <tbody>
                {waiting.map((visit) => (
                  <WaitingRow key={visit.id} visit={visit} />
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </section>
  );
}
