import { useState } from 'preact/hooks';
import { useConsole } from '../console-context.ts';
import { useAdminText } from './admin-messages.ts';
import { useLoaded } from './use-loaded.ts';

const pageSize = 50;

/** Newest first, paged by id: new entries arriving while reading do not shift the older pages. */
export function AuditLogPanel() {
  const store = useConsole();
  const t = useAdminText();
  const lang = store.i18n.lang.value;
  const [before, setBefore] = useState<number | undefined>(undefined);
  const page = useLoaded(() => store.api.listAudit({ before, limit: pageSize }), [before, store]);
  const entries = page.value ?? [];
  const oldestShown = entries.at(-1)?.id;

  return (
    <section class="panel" aria-labelledby="audit-title">
      <div class="panel-heading">
        <h2 id="audit-title">{t('auditTitle')}</h2>
        <div class="button-row">
          <button type="button" class="btn" onClick={() => (before === undefined ? page.reload() : setBefore(undefined))}>
            {t('newer')}
          </button>
          <button
            type="button"
            class="btn"
            disabled={entries.length < pageSize || oldestShown === undefined}
            onClick={() => setBefore(oldestShown)}
          >
            {t('older')}
          </button>
        </div>
      </div>
      {page.value === null ? (
        <p role="status">{store.i18n.t('loading')}</p>
      ) : entries.length === 0 ? (
        <p>{t('auditEmpty')}</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('colWhen')}</th>
              <th scope="col">{t('colWho')}</th>
              <th scope="col">{t('colActionDone')}</th>
              <th scope="col">{t('colTarget')}</th>
              <th scope="col">{t('colOutcome')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-testid="audit-row">
                <td>
                  <time dateTime={entry.at}>{new Date(entry.at).toLocaleString(lang)}</time>
                </td>
                <td>
                  {entry.actor}
                  {entry.ip && <div class="muted">{entry.ip}</div>}
                </td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td class="break-anywhere">{entry.target ?? '—'}</td>
                <td class={entry.outcome === 'ok' ? undefined : 'status-off'}>{entry.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
