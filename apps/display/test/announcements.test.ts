import { describe, expect, it } from 'vitest';
import { announcementText } from '../src/announcements.ts';
import { createDisplayI18n } from '../src/messages.ts';
import { spellTicket } from '../src/speech.ts';

describe('announcements', () => {
  it('spells the ticket number character by character', () => {
    expect(spellTicket('H-012')).toBe('H 0 1 2');
  });

  it('names the desk in the display language', () => {
    const i18n = createDisplayI18n();
    expect(announcementText(i18n.t, 'H-012', 'Desk 3')).toBe('Ticket H 0 1 2, desk 3');
    i18n.lang.value = 'fr';
    expect(announcementText(i18n.t, 'H-012', 'Desk 3')).toBe('Ticket H 0 1 2, guichet 3');
    expect(announcementText(i18n.t, 'A-001', 'Accueil')).toBe('Ticket A 0 0 1, Accueil');
  });
});
