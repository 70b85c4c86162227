import { localized } from '@walkup/client';
import { useRef } from 'preact/hooks';
import { useConsole } from './console-context.ts';
import { handOverId, transferQueueId } from './use-shortcuts.ts';

/** Transfer (stays a walk-up visit, keeps its place) and escalate (leaves the walk-up desk). */
export function HandOverForms() {
  const store = useConsole();
  const { t, lang } = store.i18n;
  const queue = useRef<HTMLSelectElement>(null);
  const reason = useRef<HTMLInputElement>(null);
  const group = useRef<HTMLSelectElement>(null);
  const escalationNote = useRef<HTMLInputElement>(null);
  const visit = store.currentVisit.value;
  const config = store.config.value;
  if (!visit || !config) return null;

  const onTransfer = (event: SubmitEvent) => {
    event.preventDefault();
    if (queue.current?.value) void store.transfer(queue.current.value, reason.current?.value ?? '');
  };
  const onEscalate = (event: SubmitEvent) => {
    event.preventDefault();
    if (group.current?.value) void store.escalate(group.current.value, escalationNote.current?.value ?? '');
  };

  return (
    <details class="hand-over" id={handOverId}>
      <summary>
        {t('transfer')} <kbd>T</kbd> / {t('escalate')}
      </summary>
      <form class="hand-over-row" onSubmit={onTransfer}>
        <div class="field">
          <label for={transferQueueId}>{t('transferTo')}</label>
          <select id={transferQueueId} ref={queue}>
            {config.queues
              .filter((q) => q.id !== visit.queueId)
              .map((q) => (
                <option key={q.id} value={q.id}>
                  {q.prefix} · {localized(q.name, lang.value)}
                </option>
              ))}
          </select>
        </div>
        <div class="field">
          <label for="transfer-reason">{t('reason')}</label>
          <input id="transfer-reason" ref={reason} type="text" maxLength={500} />
        </div>
        <button class="btn" type="submit" disabled={store.busy.value}>
          {t('transfer')}
        </button>
      </form>
      <form class="hand-over-row" onSubmit={onEscalate}>
        <div class="field">
          <label for="escalate-group">{t('escalateTo')}</label>
          <select id="escalate-group" ref={group}>
            {config.escalationGroups.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="escalate-note">{t('escalationNote')}</label>
          <input id="escalate-note" ref={escalationNote} type="text" maxLength={2000} />
        </div>
        <button class="btn" type="submit" disabled={store.busy.value || visit.state === 'waiting'}>
          {t('escalate')}
        </button>
      </form>
    </details>
  );
}
