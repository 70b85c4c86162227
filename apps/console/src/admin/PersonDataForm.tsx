import type { PersonKey } from '@walkup/client';
import { useState } from 'preact/hooks';
import { useConsole } from '../console-context.ts';
import { useAdminText } from './admin-messages.ts';
import { downloadJson } from './download-json.ts';

type KeyKind = 'email' | 'badgeId' | 'employeeId' | 'name';
const kinds: KeyKind[] = ['email', 'badgeId', 'employeeId', 'name'];

const toKey = (kind: KeyKind, value: string) => ({ [kind]: value }) as PersonKey;

/** Subject access and erasure requests for one person, across every site. */
export function PersonDataForm() {
  const store = useConsole();
  const t = useAdminText();
  const [kind, setKind] = useState<KeyKind>('email');
  const [value, setValue] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [busy, setBusy] = useState(false);
  const trimmed = value.trim();

  const run = async (action: () => Promise<void>) => {
    if (busy || !trimmed) return;
    setBusy(true);
    try {
      await action();
    } catch (error) {
      store.reportError(error);
    } finally {
      setBusy(false);
    }
  };

  const exportData = (event: SubmitEvent) => {
    event.preventDefault();
    void run(async () => {
      const data = await store.api.exportPersonData(toKey(kind, trimmed));
      downloadJson(data, `walkup-export-${data.exportedAt.slice(0, 10)}.json`);
      store.toasts.show(t('exported', { count: data.visits.length }), 'info');
    });
  };

  const erase = (event: SubmitEvent) => {
    event.preventDefault();
    if (confirmation.trim() !== trimmed) return;
    void run(async () => {
      const result = await store.api.erasePersonData(toKey(kind, trimmed));
      store.toasts.show(t('erased', { count: result.erasedVisits }), 'info');
      setConfirmation('');
    });
  };

  return (
    <section class="panel" aria-labelledby="person-title">
      <h2 id="person-title">{t('personTitle')}</h2>
      <p class="muted">{t('personHelp')}</p>
      <form class="admin-form" onSubmit={exportData}>
        <div class="field">
          <label for="person-kind">{t('findBy')}</label>
          <select id="person-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as KeyKind)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`key_${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="person-value">{t('value')}</label>
          <input
            id="person-value"
            type="text"
            inputMode={kind === 'email' ? 'email' : 'text'}
            required
            maxLength={kind === 'email' ? 254 : 80}
            autocomplete="off"
            value={value}
            onInput={(e) => setValue(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="btn btn-primary" disabled={busy || !trimmed}>
          {t('exportData')}
        </button>
      </form>
      <form class="admin-form erase-form" onSubmit={erase} aria-labelledby="erase-title">
        <h3 id="erase-title">{t('eraseTitle')}</h3>
        <p class="muted">{t('eraseHelp')}</p>
        <div class="field">
          {/* Typing the identifier again is the confirmation: it also catches a typo in the first field. */}
          <label for="person-erase-confirm">{t('eraseConfirm', { value: trimmed || '…' })}</label>
          <input
            id="person-erase-confirm"
            type="text"
            autocomplete="off"
            disabled={!trimmed}
            value={confirmation}
            onInput={(e) => setConfirmation(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="btn btn-danger" disabled={busy || !trimmed || confirmation.trim() !== trimmed}>
          {t('eraseData')}
        </button>
      </form>
    </section>
  );
}
