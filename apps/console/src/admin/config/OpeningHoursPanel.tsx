import type { OpeningHours, Weekday } from '@walkup/domain';
import { useState } from 'preact/hooks';
import { useConsole } from '../../console-context.ts';
import { useSiteAdminText } from './site-admin-messages.ts';
import { useConfigForm, type SitePanelProps } from './use-config-form.tsx';
import './OpeningHoursPanel.css';

// Monday first, as people read a week; the server keys days sun..sat and keeps whatever order.
const week: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
// 2024-01-01 was a Monday: a fixed week to get localized weekday names from Intl.
const dayName = (index: number, lang: string) => new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + index));

/**
 * Weekly opening hours in the site's time zone (several ranges a day, none for a closed day) and
 * the last check-in before each closing. Saved as a whole week; the server checks each range.
 */
export function OpeningHoursPanel({ siteId, setup, onSaved }: SitePanelProps) {
  const store = useConsole();
  const t = useSiteAdminText();
  const lang = store.i18n.lang.value;
  const { form, busy, error, field, fieldId, errorText, submit } = useConfigForm('hours');
  const [hours, setHours] = useState<OpeningHours>(setup.site.openingHours);
  const [cutoff, setCutoff] = useState(String(setup.site.checkInCutoffMinutes));

  const setRanges = (day: Weekday, ranges: Array<[string, string]>) => setHours({ ...hours, [day]: ranges });
  // Keyboard users stay in the day: on the new range's first input, or on "Add hours" once a range is gone.
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  const addRange = (day: Weekday) => {
    const ranges = hours[day] ?? [];
    setRanges(day, [...ranges, ['09:00', '17:00']]);
    focusLater(fieldId(`body/openingHours/${day}/${ranges.length}/0`));
  };
  const removeRange = (day: Weekday, index: number) => {
    setRanges(day, (hours[day] ?? []).filter((_, i) => i !== index));
    focusLater(`hours-add-${day}`);
  };
  const setTime = (day: Weekday, index: number, end: 0 | 1, value: string) =>
    setRanges(day, (hours[day] ?? []).map((range, i) => (i === index ? (end === 0 ? [value, range[1]] : [range[0], value]) : range)));

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void submit(async () => {
      // Closed days are left out; a non-number goes as is, so the server's error names the field.
      const openingHours = Object.fromEntries(week.flatMap((day) => (hours[day]?.length ? [[day, hours[day]]] : [])));
      const minutes = cutoff.trim() === '' || Number.isNaN(Number(cutoff)) ? (cutoff as unknown as number) : Number(cutoff);
      onSaved(await store.api.setOpeningHours(siteId, { openingHours, checkInCutoffMinutes: minutes }));
      store.toasts.show(t('hoursSaved'), 'info');
    });
  };

  return (
    <section class="panel" aria-labelledby="hours-title">
      <h3 id="hours-title">{t('hoursTitle')}</h3>
      <p id="hours-help" class="muted">
        {t('hoursHelp', { timeZone: setup.site.timeZone })}
      </p>
      <form class="admin-form" ref={form} onSubmit={onSubmit} noValidate>
        <div class="hours-week">
          {week.map((day, dayIndex) => {
            const name = dayName(dayIndex, lang);
            const ranges = hours[day] ?? [];
            return (
              <fieldset class="field hours-day" key={day} data-testid={`hours-${day}`}>
                <legend>{name}</legend>
                {ranges.length === 0 && <p class="muted">{t('closedDay')}</p>}
                {ranges.map(([from, to], index) => {
                  const path = `body/openingHours/${day}/${index}`;
                  const labels = { day: name, n: index + 1 };
                  return (
                    <div class="hours-range" key={index}>
                      <label for={fieldId(`${path}/0`)}>{t('opens', labels)}</label>
                      <input type="text" inputMode="numeric" placeholder="09:00" maxLength={5} size={5} value={from} {...field(`${path}/0`, path)} onInput={(e) => setTime(day, index, 0, e.currentTarget.value)} />
                      <label for={fieldId(`${path}/1`)}>{t('closes', labels)}</label>
                      <input type="text" inputMode="numeric" placeholder="17:00" maxLength={5} size={5} value={to} {...field(`${path}/1`, path)} onInput={(e) => setTime(day, index, 1, e.currentTarget.value)} />
                      <button type="button" class="btn" onClick={() => removeRange(day, index)}>
                        {t('removeRange', labels)}
                      </button>
                      {errorText(path)}
                    </div>
                  );
                })}
                {/* A range's error shows beside it; this is for one about the whole day. */}
                {error?.path === `body/openingHours/${day}` && errorText(error.path)}
                <button id={`hours-add-${day}`} type="button" class="btn" onClick={() => addRange(day)}>
                  {t('addRange', { day: name })}
                </button>
              </fieldset>
            );
          })}
        </div>
        <div class="field">
          <label for={fieldId('body/checkInCutoffMinutes')}>{t('cutoff')}</label>
          <input type="number" min={0} max={240} step={5} value={cutoff} {...field('body/checkInCutoffMinutes')} onInput={(e) => setCutoff(e.currentTarget.value)} />
          <small class="muted">{t('cutoffHelp')}</small>
          {errorText('body/checkInCutoffMinutes')}
        </div>
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t('saveHours')}
        </button>
      </form>
    </section>
  );
}
