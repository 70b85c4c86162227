import type { AdminSetupView } from '@walkup/client';
import { useConsole } from '../../console-context.ts';
import type { CategoryDraft } from './category-draft.ts';
import { useCategoryText } from './category-messages.ts';
import { FieldErrorText } from './FieldError.tsx';
import type { useFieldErrors } from './use-field-errors.ts';

interface Props {
  draft: CategoryDraft;
  change: (patch: Partial<CategoryDraft>) => void;
  queues: AdminSetupView['queues'];
  errors: ReturnType<typeof useFieldErrors>;
}

/** Where a choice sends the visitor: the queue, its priority there, and the time it usually takes. */
export function ChoiceFields({ draft, change, queues, errors }: Props) {
  const t = useCategoryText();
  const lang = useConsole().i18n.lang.value;
  const offered = queues.filter((q) => !q.archived || q.id === draft.queueId);
  return (
    <>
      <div class="field">
        <label for={errors.field('body/queueId').id}>{t('queue')}</label>
        <select {...errors.field('body/queueId')} value={draft.queueId} onChange={(e) => change({ queueId: e.currentTarget.value })}>
          <option value="">{t('chooseQueue')}</option>
          {offered.map((queue) => (
            <option key={queue.id} value={queue.id}>
              {queue.prefix} · {queue.name[lang] ?? Object.values(queue.name)[0] ?? queue.id}
            </option>
          ))}
        </select>
        <FieldErrorText {...errors.errorOf('body/queueId')} />
      </div>
      <div class="field">
        <label for={errors.field('body/priority').id}>{t('priority')}</label>
        <input {...errors.field('body/priority')} type="number" min={0} max={9} step={1} value={draft.priority} onInput={(e) => change({ priority: e.currentTarget.value })} />
        <FieldErrorText {...errors.errorOf('body/priority')} />
      </div>
      <div class="field">
        <label for={errors.field('body/expectedServiceSeconds').id}>{t('serviceMinutes')}</label>
        <input
          {...errors.field('body/expectedServiceSeconds', 'category-service-help')}
          type="number"
          min={0.5}
          max={1440}
          step={0.5}
          value={draft.serviceMinutes}
          onInput={(e) => change({ serviceMinutes: e.currentTarget.value })}
        />
        <small id="category-service-help" class="muted">
          {t('serviceHelp')}
        </small>
        <FieldErrorText {...errors.errorOf('body/expectedServiceSeconds')} />
      </div>
    </>
  );
}
