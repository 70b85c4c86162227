import { signal, type Signal } from '@preact/signals';

export const languages = ['en', 'fr'] as const;
export type Language = (typeof languages)[number];

/** A dictionary per language; every language must translate every English key. */
export type Dictionaries<K extends string> = Record<Language, Record<K, string>>;
export type TranslationParams = Record<string, string | number>;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** Accepts "fr", "fr-CA" or "FR"; anything we do not speak falls back. */
export function toLanguage(value: string | null | undefined, fallback: Language = 'en'): Language {
  const base = value?.toLowerCase().split('-')[0];
  return isLanguage(base) ? base : fallback;
}

export function interpolate(template: string, params?: TranslationParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

export interface I18n<K extends string> {
  lang: Signal<Language>;
  /** Reads `lang`, so a component calling it re-renders when the language switches. */
  t(key: K, params?: TranslationParams): string;
}

export function createI18n<K extends string>(dictionaries: Dictionaries<K>, initial: Language = 'en'): I18n<K> {
  const lang = signal<Language>(initial);
  return {
    lang,
    t: (key, params) => interpolate(dictionaries[lang.value][key], params),
  };
}

/** Picks the label in the screen's language from a site's localized text, falling back sensibly. */
export function localized(text: Record<string, string> | undefined, lang: Language): string {
  if (!text) return '';
  return text[lang] ?? text.en ?? Object.values(text)[0] ?? '';
}
