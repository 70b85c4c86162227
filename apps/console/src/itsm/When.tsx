import type { Language } from '@walkup/client';
import { useConsole } from '../console-context.ts';

const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "3 minutes ago", "in 14 minutes": how long ago matters more than the clock time when triaging. */
export function relativeTime(iso: string, now: number, lang: Language): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(seconds, 'second');
}

/** A relative time with the exact local time on hover, for the moment someone needs it precisely. */
export function When({ iso, fallback = '' }: { iso: string | null; fallback?: string }) {
  const store = useConsole();
  const lang = store.i18n.lang.value;
  if (!iso) return <span class="muted">{fallback}</span>;
  return (
    <time dateTime={iso} title={new Date(iso).toLocaleString(lang)}>
      {relativeTime(iso, store.now.value, lang)}
    </time>
  );
}
