import { Icon } from '@walkup/client';
import type { Category } from './category-draft.ts';
import { useCategoryText } from './category-messages.ts';
import { useConfigText } from './config-messages.ts';

interface Props {
  category: Category;
  name: string;
  /** For a choice, the queue it sends visitors to; none for a group. */
  queueName: string | null;
  first: boolean;
  last: boolean;
  onMove: (direction: 'up' | 'down') => void;
  onEdit: () => void;
  onArchive: () => void;
  /** Groups only: opens the form to add a choice under it. */
  onAddChoice?: () => void;
}

/** One group or choice of the tree, with its actions; moving keeps to its siblings (groups, or the choices of one group). */
export function CategoryRow({ category, name, queueName, first, last, onMove, onEdit, onArchive, onAddChoice }: Props) {
  const t = useCategoryText();
  const tc = useConfigText();
  const isChoice = category.parentId !== null;
  return (
    <tr data-testid="category-row" class={isChoice ? 'category-choice' : 'category-group'}>
      <td>
        <span class="category-name">
          <Icon name={category.icon} size="1.3em" />
          {name}
        </span>
      </td>
      <td>{queueName === null ? t('group') : t('choiceOf', { queue: queueName })}</td>
      <td class="category-state">{category.archived ? tc('archived') : tc('inUse')}</td>
      <td class="row-actions">
        {!first && (
          <button id={`category-up-${category.id}`} type="button" class="btn" aria-label={tc('moveUp', { name })} onClick={() => onMove('up')}>
            ↑
          </button>
        )}
        {!last && (
          <button id={`category-down-${category.id}`} type="button" class="btn" aria-label={tc('moveDown', { name })} onClick={() => onMove('down')}>
            ↓
          </button>
        )}
        <button type="button" class="btn" aria-label={tc('edit', { name })} onClick={onEdit}>
          ✎
        </button>
        {onAddChoice && !category.archived && (
          <button type="button" class="btn" aria-label={t('addChoiceTo', { name })} onClick={onAddChoice}>
            +
          </button>
        )}
        {/* The visible word starts the accessible name, which adds the category's. */}
        <button type="button" class="btn" aria-label={category.archived ? tc('restore', { name }) : tc('archive', { name })} onClick={onArchive}>
          {category.archived ? t('restoreAction') : t('archiveAction')}
        </button>
      </td>
    </tr>
  );
}
