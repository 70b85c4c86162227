import { localized, type Language } from '@walkup/client';
import type { OpeningHours, Weekday } from '@walkup/domain';
import { useKiosk } from './kiosk-context.ts';
import { useHeadingFocus } from './use-heading-focus.ts';
import './ClosedScreen.css';

const week: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
// 2024-01-01 was a Monday: a fixed week to get localized weekday names from Intl.
const dayName = (index: number, lang: Language) =>
  new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + index));

/** Opening hours are shown when the server includes them in the config (an optional field). */
function OpeningHoursList({ hours, lang }: { hours: OpeningHours; lang: Language }) {
  return (
    <dl class="closed-hours">
      {week.map((day, index) => {
        const ranges = hours[day];
        if (!ranges || ranges.length === 0) return null;
        return [<dt key={`${day}-name`}>{dayName(index, lang)}</dt>, <dd key={`${day}-hours`}>{ranges.map(([from, to]) => `${from}–${to}`).join(', ')}</dd>];
      })}
    </dl>
  );
}

export function ClosedScreen() {
  const store = useKiosk();
  const { t, lang } = store.i18n;
  const hours = store.config.value?.openingHours;
  const heading = useHeadingFocus();
  // A holiday or one-off closure carries its own words ("Closed for the winter break"); say them first.
  const closedMessage = store.config.value?.closedMessage;
  return (
    <section class="closed" aria-labelledby="closed-title">
      <h2 id="closed-title" ref={heading} tabIndex={-1}>{t('closedTitle')}</h2>
      {closedMessage && <p class="closed-message">{localized(closedMessage, lang.value)}</p>}
      <p>{t('closedBody')}</p>
      {hours && <OpeningHoursList hours={hours} lang={lang.value} />}
    </section>
  );
}
