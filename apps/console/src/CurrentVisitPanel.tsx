import { formatElapsed } from '@walkup/client';
import { useConsole } from './console-context.ts';
import { HandOverForms } from './HandOverForms.tsx';
import { ItsmStatus } from './ItsmStatus.tsx';
import { categoryLabel, visitorLabel } from './labels.ts';
import { resolutionNoteId } from './use-shortcuts.ts';
import './CurrentVisitPanel.css';

function ResolveForm() {
  const store = useConsole();
  const { t } = store.i18n;
  const submit = (event?: Event) => {
    event?.preventDefault();
    void store.resolve();
  };
  return (
    <form class="resolve-form" onSubmit={submit}>
      <label for={resolutionNoteId}>
        {t('resolutionNote')} (<kbd>Ctrl</kbd>+<kbd>Enter</kbd>)
      </label>
      <textarea
        id={resolutionNoteId}
        value={store.resolutionNote.value}
        onInput={(e) => (store.resolutionNote.value = e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
        }}
        maxLength={2000}
      />
      <button class="btn btn-primary" type="submit" disabled={store.busy.value}>
        {t('resolve')} <kbd>R</kbd>
      </button>
    </form>
  );
}

export function CurrentVisitPanel() {
  const store = useConsole();
  const { t, lang } = store.i18n;
  const visit = store.currentVisit.value;
  const busy = store.busy.value;

  if (!visit) {
    const available = store.presence.value === 'available';
    return (
      <section class="panel current-visit current-empty" aria-labelledby="current-title">
        <div>
          <h2 id="current-title">{t('current')}</h2>
          <p class="flush">{available ? t('nobodyAtDesk') : t('nobodyAtDeskAway', { status: t(store.presence.value) })}</p>
        </div>
        <button class="btn btn-primary" type="button" disabled={busy || !available} onClick={() => void store.callNext()}>
          {t('callNext')} <kbd>N</kbd>
        </button>
      </section>
    );
  }

  const graceLeft = store.noShowGraceLeft.value;
  const sinceCall = visit.calledAt ? (store.now.value - Date.parse(visit.calledAt)) / 1000 : 0;
  return (
    <section class="panel current-visit" aria-labelledby="current-title" data-testid="current-visit">
      <h2 id="current-title">{t('current')}</h2>
      <div class="current-ticket">
        <strong data-testid="current-ticket">{visit.ticketNumber}</strong>
        <span class="current-state">{visit.state === 'called' ? t('called') : t('inService')}</span>
        <span>{formatElapsed(sinceCall)}</span>
      </div>
      <dl class="current-details">
        <dt>{t('colName')}</dt>
        <dd>{visitorLabel(visit, t)}</dd>
        <dt>{t('colCategory')}</dt>
        <dd>{categoryLabel(store.config.value, visit.categoryId, lang.value)}</dd>
        {visit.note && (
          <>
            <dt>{t('note')}</dt>
            <dd>{visit.note}</dd>
          </>
        )}
        {store.siteHasItsm.value && (
          <>
            <dt>{t('colItsm')}</dt>
            <dd>
              <ItsmStatus itsm={visit.itsm} />
            </dd>
          </>
        )}
      </dl>
      <div class="current-actions">
        <button class="btn" type="button" disabled={busy || visit.state !== 'called'} onClick={() => void store.recall()}>
          {t('recall')} <kbd>C</kbd>
        </button>
        <button class="btn btn-primary" type="button" disabled={busy || visit.state !== 'called'} onClick={() => void store.start()}>
          {t('start')} <kbd>S</kbd>
        </button>
        <button class="btn btn-danger" type="button" disabled={busy || visit.state !== 'called' || graceLeft > 0} onClick={() => void store.noShow()}>
          {graceLeft > 0 ? t('noShowIn', { time: formatElapsed(graceLeft) }) : t('noShow')} <kbd>X</kbd>
        </button>
      </div>
      <ResolveForm />
      <HandOverForms />
    </section>
  );
}
