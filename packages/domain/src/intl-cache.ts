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
