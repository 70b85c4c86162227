import { categoryIconNames, Icon } from '@walkup/client';
import { useConsole } from '../../console-context.ts';
import { iconWords, useCategoryText } from './category-messages.ts';
import { FieldErrorText } from './FieldError.tsx';

interface Props {
  value: string;
  onChange: (icon: string) => void;
  error: { id: string; message: string | null };
}

/** The icons the kiosk draws, as radio buttons (arrow keys move between them) with their names in words. */
export function IconPicker({ value, onChange, error }: Props) {
  const t = useCategoryText();
  const lang = useConsole().i18n.lang.value;
  // A name the kiosk does not know (from an older file) stays choosable; the kiosk draws the generic icon.
  const names = categoryIconNames.includes(value) ? categoryIconNames : [...categoryIconNames, value];
  return (
    <fieldset class="icon-picker">
      <legend>{t('icon')}</legend>
      {names.map((name) => (
        <label key={name} class="icon-option">
          <input
            type="radio"
            name="category-icon"
            value={name}
            checked={value === name}
            aria-invalid={error.message ? 'true' : undefined}
            aria-describedby={error.message ? error.id : undefined}
            onChange={() => onChange(name)}
          />
          <Icon name={name} size="1.6em" />
          <span>{iconWords[lang][name] ?? name}</span>
        </label>
      ))}
      <FieldErrorText {...error} />
    </fieldset>
  );
}
