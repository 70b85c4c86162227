import { formatClockTime, formatElapsed, formatWait, localized } from '@walkup/client';
import { useState } from 'preact/hooks';
import type { ActiveVisitView } from '@walkup/domain';
import { useConsole } from './console-context.ts';
import { ItsmStatus } from './ItsmStatus.tsx';
import { StrandedAlert } from './StrandedAlert.tsx';
import { PhoneLinkPanel, type IssuedPhoneLink } from './PhoneLinkPanel.tsx';
import { categoryLabel, visitorLabel } from './labels.ts';
import './WaitingList.css';

/** "Back at 10:42" in the console's language, for a visitor who asked for more time. */
function awayUntilOf(visit: ActiveVisitView, nowMs: number, lang: string, timeZone?: string): string | null {
  if (!visit.awayUntil || Date.parse(visit.awayUntil) <= nowMs) return null;
  return formatClockTime(visit.awayUntil, lang, timeZone);
}

function WaitingRow({ visit, onLinkIssued }: { visit: ActiveVisitView; onLinkIssued: (issued: IssuedPhoneLink) => void }) {
  const store = useConsole();
  const { t, lang } = store.i18n;
  const waited = (store.now.value - Date.parse(visit.checkedInAt)) / 1000;
  const awayUntil = awayUntilOf(visit, store.now.value, lang.value, store.config.value?.timeZone);
  const issueLink = async () => {
    try {
      const { visitorLink } = await store.api.reissueVisitorLink(visit.id);
      onLinkIssued({ ticketNumber: visit.ticketNumber, link: visitorLink });
    } catch (error) {
      store.reportError(error);
    }
  };
  const estimate = store.site.estimates.value?.visits[visit.id];
  const name = visitorLabel(visit, t);
  return (
    <tr data-testid="waiting-row">
      <td>
        <strong>{visit.ticketNumber}</strong>
        {visit.priority > 0 && <span class="priority-badge">{t('priority')}</span>}
        {visit.onTheWay && (
          <span class="on-the-way-badge" data-testid="on-the-way">
            {t('onTheWay')}
          </span>
        )}
      </td>
      <td>
        {awayUntil && (
          <span class="away-badge" data-testid="away-badge">
            {t('awayUntil', { time: awayUntil })}
          </span>
        )}
      </td>
      <td>
        {/* A long name is cut with an ellipsis (full name on hover) so the Call button stays in view. */}
        <span class="waiting-name" title={name}>
          {name}
        </span>
      </td>
      <td>{categoryLabel(store.config.value, visit.categoryId, lang.value)}</td>
      <td class="waiting-waited">{formatElapsed(waited)}</td>
      <td>{formatWait(estimate, lang.value)}</td>
      {store.siteHasItsm.value && (
        <td>
          <ItsmStatus itsm={visit.itsm} />
        </td>
      )}
      <td>
        <button
          class="btn"
          type="button"
          aria-label={t('callPerson', { ticket: visit.ticketNumber })}
          disabled={store.busy.value || store.currentVisit.value !== null}
          onClick={() => void store.callVisit(visit.id)}
        >
          {t('call')}
        </button>{' '}
        <button class="btn" type="button" aria-label={t('newPhoneLinkFor', { ticket: visit.ticketNumber })} onClick={() => void issueLink()}>
          {t('newPhoneLink')}
        </button>
      </td>
    </tr>
  );
}

/** Everyone waiting in the queues this technician serves, in calling order. */
export function WaitingList() {
  const store = useConsole();
  const { t, lang } = store.i18n;
  const [issued, setIssued] = useState<IssuedPhoneLink | null>(null);
  return (
    <section class="panel" aria-labelledby="waiting-title">
      <h2 id="waiting-title">{t('waitingQueues')}</h2>
      <StrandedAlert />
      {issued && <PhoneLinkPanel issued={issued} onClose={() => setIssued(null)} />}
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
                  <th scope="col">{t('colAway')}</th>
                  <th scope="col">{t('colName')}</th>
                  <th scope="col">{t('colCategory')}</th>
                  <th scope="col">{t('colWaited')}</th>
                  <th scope="col">{t('colEstimate')}</th>
                  {store.siteHasItsm.value && <th scope="col">{t('colItsm')}</th>}
                  <th scope="col">{t('colAction')}</th>
                </tr>
              </thead>
              <tbody>
                {waiting.map((visit) => (
                  <WaitingRow key={visit.id} visit={visit} onLinkIssued={setIssued} />
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </section>
  );
}
