import type { ItsmDeadLetter } from '@walkup/client';
import { useEffect, useState } from 'preact/hooks';
import { useConsole } from '../console-context.ts';
import { ConnectionHealthList } from './ConnectionHealthList.tsx';
import { DeadLetterTable } from './DeadLetterTable.tsx';
import { itsmRefreshMs } from './itsm-health.ts';
import { useItsmText } from './itsm-messages.ts';
import './Itsm.css';

/** Dead letters of one site, refreshed every 10 s and right after a retry. */
function DeadLetters() {
  const store = useConsole();
  const t = useItsmText();
  const sites = store.sites.value;
  const [siteId, setSiteId] = useState(() => store.selection.value.siteId ?? sites[0]?.id ?? '');
  const [deadLetters, setDeadLetters] = useState<ItsmDeadLetter[] | null>(null);
  const [busyVisitId, setBusyVisitId] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    if (!siteId) return;
    let live = true;
    const load = () =>
      store.api.listDeadLetters(siteId).then(
        (result) => live && setDeadLetters(result.deadLetters),
        // Polling: the connections panel already says when the server is unreachable.
        () => undefined,
      );
    void load();
    const timer = setInterval(load, itsmRefreshMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [siteId, reloads, store]);

  const retry = async (deadLetter: ItsmDeadLetter, skipFailedUpdate: boolean) => {
    setBusyVisitId(deadLetter.visitId);
    try {
      await store.api.retryDeadLetter(deadLetter.visitId, skipFailedUpdate ? { skipFailedUpdate: true } : {});
      store.toasts.show(t('retrying', { ticket: deadLetter.ticketNumber }), 'info');
      // It is pending again now; if the ITSM refuses it once more it comes back on a later refresh.
      setDeadLetters((list) => list?.filter((d) => d.visitId !== deadLetter.visitId) ?? null);
    } catch (error) {
      store.reportError(error);
    } finally {
      setBusyVisitId(null);
      setReloads((n) => n + 1);
      void store.itsm.refresh();
    }
  };

  return (
    <section class="panel" aria-labelledby="dead-letters-title">
      <h2 id="dead-letters-title">{t('deadLettersTitle')}</h2>
      <p class="muted">{t('deadLettersHelp')}</p>
      {sites.length > 1 && (
        <div class="field itsm-site">
          <label for="dead-letters-site">{t('site')}</label>
          <select id="dead-letters-site" value={siteId} onChange={(e) => setSiteId(e.currentTarget.value)}>
            {sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {deadLetters === null ? (
        <p role="status">{store.i18n.t('loading')}</p>
      ) : deadLetters.length === 0 ? (
        <p data-testid="dead-letters-empty">{t('deadLettersEmpty')}</p>
      ) : (
        <DeadLetterTable deadLetters={deadLetters} busyVisitId={busyVisitId} onRetry={(d, skip) => void retry(d, skip)} />
      )}
    </section>
  );
}

/** The ITSM tab: connection health for everyone on staff, and what to do about refused tickets. */
export function ItsmView() {
  const store = useConsole();
  const connections = store.itsm.connections.value;
  useEffect(() => void store.itsm.refresh(), [store]);
  return (
    <div class="itsm-view">
      <ConnectionHealthList />
      {/* Without an ITSM there can be no dead letters; the plain sentence above says why. */}
      {connections?.length !== 0 && <DeadLetters />}
    </div>
  );
}
