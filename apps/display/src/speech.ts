import type { Language } from '@walkup/client';

const voiceLanguage: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR' };

/** "H-012" is read digit by digit ("H 0 1 2"): "twelve" is easy to mishear across a waiting room. */
export function spellTicket(ticketNumber: string): string {
  return ticketNumber.replace(/[^\p{L}\p{N}]/gu, '').split('').join(' ');
}

/** Some TV browsers ship without speech synthesis; the chime and the screen still work there. */
export function speak(text: string, lang: Language): void {
  const synthesis = globalThis.speechSynthesis as SpeechSynthesis | undefined;
  if (!synthesis || typeof SpeechSynthesisUtterance === 'undefined') return;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = voiceLanguage[lang];
  utterance.rate = 0.9;
  const voice = synthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith(lang));
  if (voice) utterance.voice = voice;
  synthesis.speak(utterance);
}
