import type { ItsmConnectionList, ItsmConnectionView, ItsmSetupCheckResult } from '@walkup/client';
import { useState } from 'preact/hooks';
import { useConsole } from '../../console-context.ts';
import { useLoaded } from '../use-loaded.ts';
import { useConnectionText, type ConnectionMessage } from './connection-messages.ts';
import { ItsmConnectionForm } from './ItsmConnectionForm.tsx';
import { SiteConnectionPicker } from './SiteConnectionPicker.tsx';
import './ItsmConnections.css';

/** What "Test" found, in the server's words: every failing line says what to fix in the ITSM. */
function TestResult({ result }: { result: ItsmSetupCheckResult }) {
  const t = useConnectionText();
  const failures = result.checks.filter((check) => !check.ok);
  return (
    <div class="itsm-test-result" role="status" data-testid="itsm-test-result">
      {failures.length === 0 ? (
        <p>{t('testOk', { name: result.name })}</p>
      ) : (
        <>
          <p>{t('testFailed', { name: result.name })}</p>
          <ul>
            {failures.map((check) => (
              <li key={check.check}>{check.message}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

interface RowProps {
  connection: ItsmConnectionView;
  siteName: (id: string) => string;
  onEdit: () => void;
  onChanged: (list: ItsmConnectionList) => void;
}

function ConnectionRow({ connection, siteName, onEdit, onChanged }: RowProps) {
  const store = useConsole();
  const t = useConnectionText();
  const [result, setResult] = useState<ItsmSetupCheckResult | null>(null);
  const [testing, setTesting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { name } = connection;

  const test = async () => {
    setTesting(true);
    setResult(null);
    try {
      setResult(await store.api.testItsmConnection(name));
      void store.itsm.refresh();
    } catch (error) {
      store.reportError(error);
    } finally {
      setTesting(false);
    }
  };
  const remove = async () => {
    try {
      onChanged(await store.api.deleteItsmConnection(name));
      store.toasts.show(t('removed', { name }), 'info');
    } catch (error) {
      store.reportError(error);
    } finally {
      setConfirming(false);
    }
  };

  return (
    <li class="panel" data-testid="itsm-connection-row">
      <h3>{name}</h3>
      <p class="muted">
        {t(`vendor_${connection.vendor}` as ConnectionMessage)} · {t(connection.source)} · {t('usedBy')}: {connection.sites.length ? connection.sites.map(siteName).join(', ') : t('usedByNobody')}
      </p>
      <div class="itsm-connection-actions">
        {connection.vendor !== 'none' && (
          <button type="button" class="btn" aria-label={t('testLabel', { name })} disabled={testing} onClick={() => void test()}>
            {testing ? t('testing', { name }) : t('test')}
          </button>
        )}
        {connection.source === 'stored' && (
          <>
            <button type="button" class="btn" aria-label={t('editLabel', { name })} onClick={onEdit}>
              {t('edit')}
            </button>
            {confirming ? (
              <div class="confirm-row" role="group" aria-label={t('removeLabel', { name })}>
                <span>{t('removeConfirm', { name })}</span>
                <button type="button" class="btn btn-danger" onClick={() => void remove()}>
                  {t('removeYes')}
                </button>
                <button type="button" class="btn" onClick={() => setConfirming(false)}>
                  {t('cancel')}
                </button>
              </div>
            ) : (
              <button type="button" class="btn btn-danger" aria-label={t('removeLabel', { name })} onClick={() => setConfirming(true)}>
                {t('remove')}
              </button>
            )}
          </>
        )}
      </div>
      {result && <TestResult result={result} />}
    </li>
  );
}

/** Issue 14: ITSM connections managed in the console; the server keeps the secrets to itself. */
export function ItsmConnectionsPanel() {
  const store = useConsole();
  const t = useConnectionText();
  const loaded = useLoaded(() => store.api.listItsmConnections(), [store]);
  const [list, setList] = useState<ItsmConnectionList | null>(null);
  const [editing, setEditing] = useState<ItsmConnectionView | 'new' | null>(null);
  const current = list ?? loaded.value;
  const siteName = (id: string) => current?.sites.find((s) => s.id === id)?.name ?? id;
  const changed = (next: ItsmConnectionList) => {
    setList(next);
    setEditing(null);
  };

  return (
    <>
      <section class="panel" aria-labelledby="itsm-connections-admin-title">
        <div class="panel-heading">
          <h2 id="itsm-connections-admin-title">{t('title')}</h2>
          {editing === null && (
            <button type="button" class="btn btn-primary" onClick={() => setEditing('new')}>
              {t('add')}
            </button>
          )}
        </div>
        <p class="muted">{t('help')}</p>
        {editing !== null && <ItsmConnectionForm key={editing === 'new' ? '' : editing.name} connection={editing === 'new' ? null : editing} onSaved={changed} onCancel={() => setEditing(null)} />}
        {current === null ? (
          <p role="status">{store.i18n.t('loading')}</p>
        ) : (
          <ul class="itsm-connections">
            {current.connections.map((connection) => (
              <ConnectionRow key={connection.name} connection={connection} siteName={siteName} onEdit={() => setEditing(connection)} onChanged={changed} />
            ))}
          </ul>
        )}
      </section>
      {current && <SiteConnectionPicker list={current} onChanged={changed} />}
    </>
  );
}
