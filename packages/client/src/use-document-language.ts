import { useSignalEffect, type Signal } from '@preact/signals';
import type { Language } from './i18n.ts';

/**
 * Screen readers pick their voice from `<html lang>`: it follows the language the screen shows,
 * not the one the HTML file was written with.
 */
export function useDocumentLanguage(lang: Signal<Language>): void {
  useSignalEffect(() => {
    document.documentElement.lang = lang.value;
  });
}
