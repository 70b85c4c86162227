import { useRef, useState } from 'preact/hooks';
import { useConsole } from '../../console-context.ts';
import { downloadJson } from '../download-json.ts';
import { useConfigText } from './config-messages.ts';

type Outcome = { kind: 'checked' | 'applied'; sites: string[] } | { kind: 'mistakes'; mistakes: string[] } | { kind: 'unreadable'; message: string };

/**
 * Export and import of the whole configuration. An import is always checked first (dryRun): only a
 * file the server found no mistake in can be applied, and each mistake is listed with its path.
 */
export function ConfigFilePanel({ onApplied }: { onApplied: () => void }) {
  const store = useConsole();
  const t = useConfigText();
  const [file, setFile] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const result = useRef<HTMLDivElement>(null);

  const exportFile = async () => {
    try {
      downloadJson(await store.api.exportConfiguration(), `walkup-configuration-${new Date().toISOString().slice(0, 10)}.json`);
    } catch (failure) {
      store.reportError(failure);
    }
  };

  const send = async (dryRun: boolean) => {
    setBusy(true);
    try {
      const answer = await store.api.importConfiguration(file, dryRun);
      setOutcome(answer.ok ? { kind: dryRun ? 'checked' : 'applied', sites: answer.sites } : { kind: 'mistakes', mistakes: answer.mistakes });
      if (answer.ok && !dryRun) {
        setFile(null);
        onApplied();
      }
      requestAnimationFrame(() => result.current?.focus());
    } catch (failure) {
      store.reportError(failure);
    } finally {
      setBusy(false);
    }
  };

  const onChoose = async (event: Event) => {
    const chosen = (event.currentTarget as HTMLInputElement).files?.[0];
    setOutcome(null);
    setFile(null);
    if (!chosen) return;
    try {
      setFile(JSON.parse(await chosen.text()));
    } catch (failure) {
      setOutcome({ kind: 'unreadable', message: failure instanceof Error ? failure.message : String(failure) });
    }
  };

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (file !== null && !busy) void send(true);
  };

  return (
    <section class="panel" aria-labelledby="config-file-title">
      <h3 id="config-file-title">{t('fileTitle')}</h3>
      <p class="muted">{t('fileHelp')}</p>
      <button type="button" class="btn" onClick={() => void exportFile()}>
        {t('exportFile')}
      </button>
      <form class="admin-form" onSubmit={onSubmit}>
        <div class="field">
          <label for="config-file-input">{t('chooseFile')}</label>
          <input id="config-file-input" type="file" accept="application/json,.json" onChange={(e) => void onChoose(e)} />
        </div>
        <button type="submit" class="btn" disabled={busy || file === null}>
          {t('checkFile')}
        </button>
        {outcome?.kind === 'checked' && (
          <button type="button" class="btn btn-primary" disabled={busy} onClick={() => void send(false)}>
            {t('applyFile')}
          </button>
        )}
      </form>
      <div ref={result} tabIndex={-1} role="status" data-testid="config-file-outcome">
        {outcome?.kind === 'checked' && <p>{t('fileChecked', { sites: outcome.sites.join(', ') })}</p>}
        {outcome?.kind === 'applied' && <p>{t('fileApplied', { sites: outcome.sites.join(', ') })}</p>}
        {outcome?.kind === 'unreadable' && <p class="field-error">{t('notJson', { message: outcome.message })}</p>}
        {outcome?.kind === 'mistakes' && (
          <>
            <p class="field-error">{t('fileMistakes', { count: outcome.mistakes.length })}</p>
            <ul data-testid="config-file-mistakes">
              {outcome.mistakes.map((mistake) => (
                <li key={mistake}>
                  <code>{mistake}</code>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
