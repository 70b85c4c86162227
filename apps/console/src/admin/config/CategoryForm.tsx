import type { AdminSetupView } from '@walkup/client';
import { useEffect, useState } from 'preact/hooks';
import { useConsole } from '../../console-context.ts';
import { draftOf, leafFieldsOf, type Category, type CategoryDraft } from './category-draft.ts';
import { useCategoryText } from './category-messages.ts';
import { ChoiceFields } from './ChoiceFields.tsx';
import { useConfigText } from './config-messages.ts';
import { FieldErrorText } from './FieldError.tsx';
import { IconPicker } from './IconPicker.tsx';
import { ItsmFields } from './ItsmFields.tsx';
import { useFieldErrors } from './use-field-errors.ts';

interface Props {
  siteId: string;
  setup: AdminSetupView;
  /** The category being edited; none to add one (under `parentId`, or at the top level). */
  category: Category | null;
  parentId: string | null;
  onSaved: (setup: AdminSetupView) => void;
  onCancel: () => void;
}

/** Adds a group or a choice, or changes one: labels per language, icon, and a choice's queue and ITSM fields. */
export function CategoryForm({ siteId, setup, category, parentId, onSaved, onCancel }: Props) {
  const store = useConsole();
  const t = useCategoryText();
  const tc = useConfigText();
  const lang = store.i18n.lang.value;
  const [draft, setDraft] = useState<CategoryDraft>(() => draftOf(category, parentId));
  const [busy, setBusy] = useState(false);
  const errors = useFieldErrors('category');
  const change = (patch: Partial<CategoryDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const labelOf = (c: Category) => c.label[lang] ?? Object.values(c.label)[0] ?? c.id;
  const groups = setup.categories.filter((c) => c.parentId === null && !c.archived);
  const isChoice = draft.parentId !== null;
  // A choice can move to any group in service; its own group stays listed even when archived.
  const currentGroup = setup.categories.find((c) => c.id === category?.parentId);
  const movableTo = currentGroup && currentGroup.archived ? [currentGroup, ...groups] : groups;

  // Opening a category (or "add a choice") takes the keyboard straight to the form.
  useEffect(() => {
    if (category || parentId) errors.form.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, [category?.id, parentId]);

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    errors.clear();
    const leaf = isChoice ? leafFieldsOf(draft) : {};
    try {
      const saved = category
        ? await store.api.changeCategory(siteId, category.id, { label: draft.label, icon: draft.icon, ...(isChoice && draft.parentId !== category.parentId ? { parentId: draft.parentId! } : {}), ...leaf })
        : await store.api.createCategory(siteId, { id: draft.id, parentId: draft.parentId, label: draft.label, icon: draft.icon, ...leaf });
      onSaved(saved);
      store.toasts.show(t('categorySaved', { name: draft.label[lang] ?? Object.values(draft.label)[0] ?? draft.id }), 'info');
      if (!category) setDraft(draftOf(null, draft.parentId));
    } catch (failure) {
      errors.fail(failure);
    } finally {
      setBusy(false);
    }
  };

  const parent = groups.find((g) => g.id === parentId);
  const title = category ? t('editCategoryTitle', { name: labelOf(category) }) : parent ? t('addChoiceTitle', { name: labelOf(parent) }) : t('addCategoryTitle');
  return (
    <form class="admin-form category-form" ref={errors.form} onSubmit={onSubmit} noValidate aria-label={title}>
      <h4>{title}</h4>
      {!category && (
        <>
          <div class="field">
            <label for={errors.field('body/id').id}>{t('categoryId')}</label>
            <input {...errors.field('body/id')} type="text" required value={draft.id} onInput={(e) => change({ id: e.currentTarget.value })} />
            <FieldErrorText {...errors.errorOf('body/id')} />
          </div>
          <div class="field">
            <label for={errors.field('body/parentId').id}>{t('place')}</label>
            <select {...errors.field('body/parentId')} value={draft.parentId ?? ''} onChange={(e) => change({ parentId: e.currentTarget.value || null })}>
              <option value="">{t('topLevel')}</option>
              {groups.map((group) => (
                <option key={group.id} value={group.id}>
                  {t('underGroup', { name: labelOf(group) })}
                </option>
              ))}
            </select>
            <FieldErrorText {...errors.errorOf('body/parentId')} />
          </div>
        </>
      )}
      {setup.site.languages.map((language) => {
        const path = `body/label/${language}`;
        return (
          <div class="field" key={language}>
            <label for={errors.field(path).id}>{t('labelIn', { language })}</label>
            <input {...errors.field(path)} type="text" lang={language} required maxLength={80} value={draft.label[language] ?? ''} onInput={(e) => change({ label: { ...draft.label, [language]: e.currentTarget.value } })} />
            <FieldErrorText {...errors.errorOf(path)} />
          </div>
        );
      })}
      <FieldErrorText {...errors.errorOf('body/label', true)} />
      {category && isChoice && (
        <div class="field">
          <label for={errors.field('body/parentId').id}>{t('moveToGroup')}</label>
          <select {...errors.field('body/parentId')} value={draft.parentId ?? ''} onChange={(e) => change({ parentId: e.currentTarget.value })}>
            {movableTo.map((group) => (
              <option key={group.id} value={group.id}>
                {labelOf(group)}
              </option>
            ))}
          </select>
          <FieldErrorText {...errors.errorOf('body/parentId')} />
        </div>
      )}
      <IconPicker value={draft.icon} onChange={(icon) => change({ icon })} error={errors.errorOf('body/icon')} />
      {isChoice && <ChoiceFields draft={draft} change={change} queues={setup.queues} errors={errors} />}
      {isChoice && <ItsmFields draft={draft} change={change} errors={errors} />}
      <button type="submit" class="btn btn-primary" disabled={busy}>
        {category ? t('saveCategory') : t('addCategory')}
      </button>
      {(category || parentId) && (
        <button type="button" class="btn" onClick={onCancel}>
          {tc('cancelEdit')}
        </button>
      )}
    </form>
  );
}
