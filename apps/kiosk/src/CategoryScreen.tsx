import { Icon, localized } from '@walkup/client';
import { BackButton } from './BackButton.tsx';
import { useKiosk } from './kiosk-context.ts';
import { useHeadingFocus } from './use-heading-focus.ts';
import './CategoryScreen.css';

/** Level 1 (parentId null) or level 2 choices, as big tiles. */
export function CategoryScreen({ parentId }: { parentId: string | null }) {
  const store = useKiosk();
  const { t, lang } = store.i18n;
  const choices = store.childrenOf(parentId);
  const name = store.greeting.value ?? store.visitor.value?.name;
  const heading = useHeadingFocus();
  const titleId = 'categories-title';
  return (
    <section class="categories" aria-labelledby={titleId}>
      {parentId === null && <p class="categories-greeting">{name ? t('hello', { name }) : t('helloAnonymous')}</p>}
      <h2 id={titleId} ref={heading} tabIndex={-1}>{t(parentId === null ? 'chooseCategory' : 'chooseDetail')}</h2>
      <ul class="tiles">
        {choices.map((category) => (
          <li key={category.id}>
            <button class="tile" type="button" onClick={() => store.chooseCategory(category)}>
              <span class="tile-icon">
                <Icon name={category.icon} size="2.6em" />
              </span>
              <span>{localized(category.label, lang.value)}</span>
            </button>
          </li>
        ))}
      </ul>
      <div class="categories-footer">
        <BackButton />
      </div>
    </section>
  );
}
