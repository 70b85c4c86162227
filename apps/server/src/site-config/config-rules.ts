import { InvalidInputError, isValidTimeRange, weekdays, type OpeningHours } from '@walkup/domain';

/** A configuration value that breaks a rule: the message starts with the field's path. */
export function invalidField(path: string, message: string): InvalidInputError {
  return new InvalidInputError('invalid_field', `${path} ${message}`);
}

export function requireTimeZone(path: string, timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw invalidField(path, `'${timeZone}' is not a time zone (use an IANA name such as Europe/Paris)`);
  }
}

export function requireLanguages(path: string, languages: readonly string[], defaultLanguage: string): void {
  if (new Set(languages).size !== languages.length) throw invalidField(`${path}/languages`, 'lists a language twice');
  if (!languages.includes(defaultLanguage)) throw invalidField(`${path}/defaultLanguage`, `'${defaultLanguage}' is not one of the site's languages (${languages.join(', ')})`);
}

/** Text shown to visitors must exist in every language the site offers, and only in those. */
export function requireLocalized(path: string, text: Record<string, string>, languages: readonly string[]): void {
  for (const language of languages) {
    if (!text[language]?.trim()) throw invalidField(`${path}/${language}`, `is missing: the site offers ${languages.join(', ')}`);
  }
  for (const language of Object.keys(text)) {
    if (!languages.includes(language)) throw invalidField(`${path}/${language}`, `is a language the site does not offer (${languages.join(', ')})`);
  }
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Each range a real, forward time span; ranges of one day in order and apart. */
export function requireOpeningHours(path: string, hours: Record<string, ReadonlyArray<readonly [string, string]>>): OpeningHours {
  for (const [day, ranges] of Object.entries(hours)) {
    if (!(weekdays as readonly string[]).includes(day)) throw invalidField(`${path}/${day}`, `is not a weekday (${weekdays.join(', ')})`);
    ranges.forEach(([from, to], index) => {
      if (!isValidTimeRange([from, to])) throw invalidField(`${path}/${day}/${index}`, `'${from}-${to}' is not a time range: HH:MM from 00:00 to 24:00, the start before the end`);
      const previous = ranges[index - 1];
      if (previous && toMinutes(previous[1]) > toMinutes(from)) throw invalidField(`${path}/${day}/${index}`, `'${from}-${to}' overlaps or comes before '${previous[0]}-${previous[1]}'`);
    });
  }
  return hours as OpeningHours;
}

/** A real calendar date, YYYY-MM-DD. */
export function requireDate(path: string, day: string): void {
  const parsed = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) throw invalidField(path, `'${day}' is not a date (YYYY-MM-DD)`);
}
