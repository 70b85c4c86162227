import type { AdminSetupView } from '@walkup/client';
import { useRef, useState } from 'preact/hooks';
import { useConsole } from '../../console-context.ts';
import { CategoryForm } from './CategoryForm.tsx';
import { CategoryRow } from './CategoryRow.tsx';
import { treeOf, type Category } from './category-draft.ts';
import { useCategoryText } from './category-messages.ts';
import { useConfigText } from './config-messages.ts';
import { KioskPreview } from './KioskPreview.tsx';
import { moveInOrder, useConfigAction } from './use-config-action.ts';
import './CategoriesPanel.css';

interface Props {
  siteId: string;
  setup: AdminSetupView;
  onSaved: (setup: AdminSetupView) => void;
}

/**
 * The kiosk's category tree: groups, each with its choices, in kiosk order. Add, edit, move
 * up/down among siblings, archive or restore; the preview shows the tiles as the kiosk draws them.
 */
export function CategoriesPanel({ siteId, setup, onSaved }: Props) {
  const store = useConsole();
  const t = useCategoryText();
  const tc = useConfigText();
  const lang = store.i18n.lang.value;
  // What the form shows: a category to edit, a group to add a choice to, or (both null) a new category.
  const [editing, setEditing] = useState<string | null>(null);
  const [addingTo, setAddingTo] = useState<string | null>(null);
  const { refusal, run } = useConfigAction(onSaved);
  const title = useRef<HTMLHeadingElement>(null);
  const nameOf = (category: Category) => category.label[lang] ?? Object.values(category.label)[0] ?? category.id;
  const queueNameOf = (category: Category) => {
    const queue = setup.queues.find((q) => q.id === category.queueId);
    return queue ? (queue.name[lang] ?? Object.values(queue.name)[0] ?? queue.id) : (category.queueId ?? '');
  };
  const closeForm = () => {
    setEditing(null);
    setAddingTo(null);
    title.current?.focus();
  };

  const row = (category: Category, siblings: Category[], index: number) => {
    const name = nameOf(category);
    const move = (direction: 'up' | 'down') => {
      const { order, moved, focusButton } = moveInOrder(siblings.map((c) => c.id), index, direction);
      void run(() => store.api.reorderCategories(siteId, category.parentId, order), tc('orderSaved'), `category-${focusButton}-${moved}`);
    };
    const archive = () =>
      void run(
        () => store.api.changeCategory(siteId, category.id, { archived: !category.archived }),
        category.archived ? t('categoryRestored', { name }) : t('categoryArchived', { name }),
      );
    return (
      <CategoryRow
        key={category.id}
        category={category}
        name={name}
        queueName={category.parentId === null ? null : queueNameOf(category)}
        first={index === 0}
        last={index === siblings.length - 1}
        onMove={move}
        onEdit={() => {
          setAddingTo(null);
          setEditing(category.id);
        }}
        onArchive={archive}
        onAddChoice={
          category.parentId === null
            ? () => {
                setEditing(null);
                setAddingTo(category.id);
              }
            : undefined
        }
      />
    );
  };

  const tree = treeOf(setup.categories);
  const groups = tree.map((branch) => branch.group);
  const edited = setup.categories.find((c) => c.id === editing) ?? null;
  return (
    <section class="panel" aria-labelledby="categories-title">
      <h3 id="categories-title" ref={title} tabIndex={-1}>
        {t('categoriesTitle')}
      </h3>
      <p class="muted">{t('categoriesHelp')}</p>
      {refusal && (
        <p class="field-error" role="alert">
          {refusal}
        </p>
      )}
      <div class="categories-layout">
        <table class="admin-table category-tree">
          <thead>
            <tr>
              <th scope="col">{tc('colQueueName')}</th>
              <th scope="col">{t('place')}</th>
              <th scope="col">{tc('colState')}</th>
              <th scope="col">{tc('colAction')}</th>
            </tr>
          </thead>
          <tbody>{tree.flatMap(({ group, choices }, index) => [row(group, groups, index), ...choices.map((choice, at) => row(choice, choices, at))])}</tbody>
        </table>
        <KioskPreview categories={setup.categories} languages={setup.site.languages} defaultLanguage={setup.site.defaultLanguage} />
      </div>
      <CategoryForm
        key={`${editing ?? 'new'}-${addingTo ?? 'top'}`}
        siteId={siteId}
        setup={setup}
        category={edited}
        parentId={addingTo}
        onSaved={(saved) => {
          onSaved(saved);
          if (editing || addingTo) closeForm();
        }}
        onCancel={closeForm}
      />
    </section>
  );
}
