import { Icon } from '@walkup/client';
import { useState } from 'preact/hooks';
import { useConsole } from '../../console-context.ts';
import { treeOf, type Category } from './category-draft.ts';
import { useCategoryText } from './category-messages.ts';
import './KioskPreview.css';

interface Props {
  categories: readonly Category[];
  languages: readonly string[];
  defaultLanguage: string;
}

/** One kiosk tile, drawn like the kiosk's own (icon above the label), but only a picture of it. */
function PreviewTile({ category, language }: { category: Category; language: string }) {
  return (
    <>
      <span class="preview-tile-icon">
        <Icon name={category.icon} size="1.8em" />
      </span>
      <span>{category.label[language] ?? Object.values(category.label)[0] ?? category.id}</span>
    </>
  );
}

/**
 * The tree as the kiosk shows it, in one of the site's languages: archived categories left out,
 * groups on the first screen, a chosen group's choices on the second. Nothing here checks anyone in.
 */
export function KioskPreview({ categories, languages, defaultLanguage }: Props) {
  const t = useCategoryText();
  const consoleLanguage = useConsole().i18n.lang.value;
  const [language, setLanguage] = useState(languages.includes(consoleLanguage) ? consoleLanguage : defaultLanguage);
  const tree = treeOf(categories.filter((c) => !c.archived));
  const [openId, setOpenId] = useState<string | null>(null);
  const open = tree.find((branch) => branch.group.id === openId) ?? tree[0];
  return (
    <section class="kiosk-preview" aria-labelledby="kiosk-preview-title">
      <h4 id="kiosk-preview-title">{t('previewTitle')}</h4>
      <p class="muted">{t('previewHelp')}</p>
      <div class="field">
        <label for="kiosk-preview-language">{t('previewLanguage')}</label>
        <select id="kiosk-preview-language" value={language} onChange={(e) => setLanguage(e.currentTarget.value)}>
          {languages.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </div>
      <div class="kiosk-screen" lang={language} data-testid="kiosk-preview">
        {tree.length === 0 && <p>{t('previewNothing')}</p>}
        <h5>{t('previewGroups')}</h5>
        <ul class="preview-tiles">
          {tree.map(({ group }) => (
            <li key={group.id}>
              <button type="button" class="preview-tile" aria-pressed={open?.group.id === group.id} data-testid="preview-group" onClick={() => setOpenId(group.id)}>
                <PreviewTile category={group} language={language} />
              </button>
            </li>
          ))}
        </ul>
        {open && (
          <>
            <h5>{t('previewChoices', { name: open.group.label[language] ?? open.group.id })}</h5>
            {open.choices.length === 0 && <p class="preview-warning">{t('previewEmptyGroup')}</p>}
            <ul class="preview-tiles">
              {open.choices.map((choice) => (
                <li key={choice.id} class="preview-tile" data-testid="preview-choice">
                  <PreviewTile category={choice} language={language} />
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
