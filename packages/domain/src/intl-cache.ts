/**
 * Building an Intl.DateTimeFormat is costly (it loads locale and time-zone data); the hot paths
 * (check-in, opening hours, estimates) format with the same few options per site, so keep them.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function cachedDateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

const minuteMemos = new Map<string, { minute: number; value: unknown }>();

/**
 * Local dates and clock times change only at whole minutes in every time zone in use today, and the
 * hot paths (each check-in, each estimate) ask the same zone many times a minute: formatting with
 * Intl costs more than the rest of the check-in's domain logic, so the last answer per question is kept.
 */
export function sameMinute<T>(key: string, instant: Date, compute: () => T): T {
  const minute = Math.floor(instant.getTime() / 60_000);
  const memo = minuteMemos.get(key);
  if (memo && memo.minute === minute) return memo.value as T;
  const value = compute();
  minuteMemos.set(key, { minute, value });
  return value;
}
