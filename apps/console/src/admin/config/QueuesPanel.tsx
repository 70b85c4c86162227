import type { AdminSetupView } from '@walkup/client';
import { useRef, useState } from 'preact/hooks';
import { useConsole } from '../../console-context.ts';
import { useConfigText } from './config-messages.ts';
import { QueueForm } from './QueueForm.tsx';
import { moveInOrder, useConfigAction } from './use-config-action.ts';

type Queue = AdminSetupView['queues'][number];

interface Props {
  siteId: string;
  setup: AdminSetupView;
  onSaved: (setup: AdminSetupView) => void;
}

/**
 * The site's queues in kiosk and display order: move up/down, edit, archive or restore. The server
 * refuses to archive a queue visitors wait in or categories send to; its reason shows in the panel.
 */
export function QueuesPanel({ siteId, setup, onSaved }: Props) {
  const store = useConsole();
  const t = useConfigText();
  const lang = store.i18n.lang.value;
  const [editing, setEditing] = useState<string | null>(null);
  const { refusal, run } = useConfigAction(onSaved);
  const title = useRef<HTMLHeadingElement>(null);
  const queues = setup.queues;
  const nameOf = (queue: Queue) => queue.name[lang] ?? Object.values(queue.name)[0] ?? queue.id;

  const move = (index: number, direction: 'up' | 'down') => {
    const { order, moved, focusButton } = moveInOrder(queues.map((q) => q.id), index, direction);
    void run(() => store.api.reorderQueues(siteId, order), t('orderSaved'), `queue-${focusButton}-${moved}`);
  };

  const editedQueue = queues.find((q) => q.id === editing) ?? null;
  return (
    <section class="panel" aria-labelledby="queues-title">
      <h3 id="queues-title" ref={title} tabIndex={-1}>
        {t('queuesTitle')}
      </h3>
      {refusal && (
        <p class="field-error" role="alert">
          {refusal}
        </p>
      )}
      <table class="admin-table">
        <thead>
          <tr>
            <th scope="col">{t('colPrefix')}</th>
            <th scope="col">{t('colQueueName')}</th>
            <th scope="col">{t('colWaiting')}</th>
            <th scope="col">{t('colState')}</th>
            <th scope="col">{t('colAction')}</th>
          </tr>
        </thead>
        <tbody>
          {queues.map((queue, index) => {
            const name = nameOf(queue);
            return (
              <tr key={queue.id} data-testid="queue-row">
                <td>{queue.prefix}</td>
                <td>{name}</td>
                <td>{queue.waitingCount}</td>
                <td>{queue.archived ? t('archived') : t('inUse')}</td>
                <td class="row-actions">
                  {index > 0 && (
                    <button id={`queue-up-${queue.id}`} type="button" class="btn" aria-label={t('moveUp', { name })} onClick={() => move(index, 'up')}>
                      ↑
                    </button>
                  )}
                  {index < queues.length - 1 && (
                    <button id={`queue-down-${queue.id}`} type="button" class="btn" aria-label={t('moveDown', { name })} onClick={() => move(index, 'down')}>
                      ↓
                    </button>
                  )}
                  <button type="button" class="btn" aria-label={t('edit', { name })} onClick={() => setEditing(queue.id)}>
                    ✎
                  </button>
                  <button
                    type="button"
                    class="btn"
                    onClick={() =>
                      void run(
                        () => store.api.changeQueue(siteId, queue.id, { archived: !queue.archived }),
                        queue.archived ? t('queueRestored', { name }) : t('queueArchived', { name }),
                      )
                    }
                  >
                    {queue.archived ? t('restore', { name }) : t('archive', { name })}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <QueueForm
        key={editing ?? 'new'}
        siteId={siteId}
        languages={setup.site.languages}
        queue={editedQueue}
        onSaved={(saved) => {
          onSaved(saved);
          if (editing) {
            setEditing(null);
            title.current?.focus();
          }
        }}
        onCancel={() => {
          setEditing(null);
          title.current?.focus();
        }}
      />
    </section>
  );
}
