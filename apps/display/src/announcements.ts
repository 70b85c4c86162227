import { signal } from '@preact/signals';
import { playChime, isAudioBlocked, unlockAudio } from './chime.ts';
import type { DisplayStore } from './display-store.ts';
import { speak, spellTicket } from './speech.ts';

/** Events replayed after a reconnect are older than this: announcing them would call ghosts. */
const staleAfterMs = 30_000;
const speakAfterChimeMs = 900;

export const soundBlocked = signal(false);

type Translate = DisplayStore['i18n']['t'];

export function announcementText(t: Translate, ticketNumber: string, deskName: string): string {
  // Desk names like "Desk 3" are read as the localized "desk 3" / "guichet 3".
  const number = /(\d+)\s*$/.exec(deskName)?.[1];
  const desk = number ? t('deskNumber', { number }) : deskName;
  return t('announce', { ticket: spellTicket(ticketNumber), desk });
}

export function startAnnouncements(store: DisplayStore): void {
  const refreshBlocked = () => (soundBlocked.value = isAudioBlocked());
  const unlock = () => {
    unlockAudio();
    setTimeout(refreshBlocked, 100);
  };
  document.addEventListener('pointerdown', unlock);
  document.addEventListener('keydown', unlock);
  unlock();

  store.site.onEvent((event) => {
    if (event.type !== 'visit.called' && event.type !== 'visit.recalled') return;
    if (Date.now() - Date.parse(event.at) > staleAfterMs) return;
    const visit = store.site.view.value?.visits.find((v) => v.id === event.visitId);
    if (!visit) return;
    const text = announcementText(store.i18n.t, visit.ticketNumber, store.deskName(event.data.deskId));
    playChime();
    setTimeout(() => speak(text, store.i18n.lang.value), speakAfterChimeMs);
  });
}
