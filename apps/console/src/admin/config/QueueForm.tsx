import type { AdminSetupView } from '@walkup/client';
import { useEffect, useState } from 'preact/hooks';
import { useConsole } from '../../console-context.ts';
import { useConfigText } from './config-messages.ts';
import { errorFor } from './field-errors.ts';
import { useConfigForm } from './use-config-form.tsx';
import { FieldErrorText } from './FieldError.tsx';

type Queue = AdminSetupView['queues'][number];

interface Props {
  siteId: string;
  languages: string[];
  /** The queue being edited; none to add a new one. */
  queue: Queue | null;
  onSaved: (setup: AdminSetupView) => void;
  onCancel: () => void;
}

/** Adds a queue or renames one (per language), changes its ticket prefix and ITSM assignment group. */
export function QueueForm({ siteId, languages, queue, onSaved, onCancel }: Props) {
  const store = useConsole();
  const t = useConfigText();
  const lang = store.i18n.lang.value;
  const [id, setId] = useState('');
  const [prefix, setPrefix] = useState(queue?.prefix ?? '');
  const [name, setName] = useState<Record<string, string>>(queue?.name ?? {});
  const [group, setGroup] = useState(queue?.itsmAssignmentGroup ?? '');
  const { form, busy, error, fieldId, submit } = useConfigForm('queue');

  // Opening a queue to edit takes the keyboard straight to its first field.
  useEffect(() => {
    if (queue) document.getElementById(fieldId('body/prefix'))?.focus();
  }, [queue?.id]);

  const invalid = (path: string) => (errorFor(error, path) || (error?.path === 'body/name' && path.startsWith('body/name/')) ? 'true' : undefined);
  const describedBy = (path: string) => (errorFor(error, path) ? `${fieldId(path)}-error` : undefined);
  const errorText = (path: string) => <FieldErrorText id={`${fieldId(path)}-error`} message={errorFor(error, path)} />;

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const itsmAssignmentGroup = group.trim() === '' ? null : group.trim();
    void submit(async () => {
      const saved = queue
        ? await store.api.changeQueue(siteId, queue.id, { prefix, name, itsmAssignmentGroup })
        : await store.api.createQueue(siteId, { id, prefix, name, itsmAssignmentGroup });
      onSaved(saved);
      store.toasts.show(t('queueSaved', { name: name[lang] ?? Object.values(name)[0] ?? id }), 'info');
      if (!queue) {
        setId('');
        setPrefix('');
        setName({});
        setGroup('');
      }
    });
  };

  const title = queue ? t('editQueueTitle', { name: queue.name[lang] ?? queue.id }) : t('addQueueTitle');
  return (
    <form class="admin-form" ref={form} onSubmit={onSubmit} noValidate aria-label={title}>
      <h4>{title}</h4>
      {!queue && (
        <div class="field">
          <label for={fieldId('body/id')}>{t('queueId')}</label>
          <input id={fieldId('body/id')} type="text" required value={id} aria-invalid={invalid('body/id')} aria-describedby={describedBy('body/id')} onInput={(e) => setId(e.currentTarget.value)} />
          {errorText('body/id')}
        </div>
      )}
      <div class="field">
        <label for={fieldId('body/prefix')}>{t('queuePrefix')}</label>
        <input id={fieldId('body/prefix')} type="text" required maxLength={3} value={prefix} aria-invalid={invalid('body/prefix')} aria-describedby={describedBy('body/prefix')} onInput={(e) => setPrefix(e.currentTarget.value.toUpperCase())} />
        {errorText('body/prefix')}
      </div>
      {languages.map((language) => {
        const path = `body/name/${language}`;
        return (
          <div class="field" key={language}>
            <label for={fieldId(path)}>{t('queueNameIn', { language })}</label>
            <input id={fieldId(path)} type="text" lang={language} required maxLength={80} value={name[language] ?? ''} aria-invalid={invalid(path)} aria-describedby={describedBy(path)} onInput={(e) => setName({ ...name, [language]: e.currentTarget.value })} />
            {errorText(path)}
          </div>
        );
      })}
      {error?.path === 'body/name' && <FieldErrorText id="queue-name-error" message={error.message} />}
      <div class="field">
        <label for={fieldId('body/itsmAssignmentGroup')}>{t('assignmentGroup')}</label>
        <input id={fieldId('body/itsmAssignmentGroup')} type="text" maxLength={120} value={group} aria-invalid={invalid('body/itsmAssignmentGroup')} aria-describedby={describedBy('body/itsmAssignmentGroup')} onInput={(e) => setGroup(e.currentTarget.value)} />
        {errorText('body/itsmAssignmentGroup')}
      </div>
      <button type="submit" class="btn btn-primary" disabled={busy}>
        {queue ? t('saveQueue') : t('addQueue')}
      </button>
      {queue && (
        <button type="button" class="btn" onClick={onCancel}>
          {t('cancelEdit')}
        </button>
      )}
    </form>
  );
}
