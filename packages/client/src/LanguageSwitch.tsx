import type { Signal } from '@preact/signals';
import { languages, type Language } from './i18n.ts';
import './LanguageSwitch.css';

const names: Record<Language, string> = { en: 'English', fr: 'Français' };

interface LanguageSwitchProps {
  lang: Signal<Language>;
  label: string;
  available?: readonly Language[];
}

export function LanguageSwitch({ lang, label, available = languages }: LanguageSwitchProps) {
  return (
    <div class="language-switch" role="group" aria-label={label}>
      {available.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={lang.value === code}
          onClick={() => (lang.value = code)}
        >
          {/* The visible text is the accessible name: each language named in itself, as people look for it. */}
          {names[code]}
        </button>
      ))}
    </div>
  );
}
