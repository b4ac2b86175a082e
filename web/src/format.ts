/**
 * How every page shows times, dates, names and sorted lists, so a facilities manager reads them at a glance:
 * instants in the building's time zone with the zone named ("31 Dec 2027, 23:59 CET"), date-only values as the
 * calendar date they are (never shifted by a zone), people by name with their employee number, and lists in
 * natural order (Person 2 before Person 10, E-9 before E-10).
 */

/** The zone of the browser, used where no building applies (cards, imports, the admin audit). */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
}

function validZone(timeZone?: string | null): string {
  if (!timeZone) return browserZone();
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return timeZone;
  } catch {
    return browserZone();
  }
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormats.set(timeZone, format);
  }
  return format;
}

/**
 * The zone's short name at that moment: CET/CEST (British English knows Europe's), EST/EDT (American English
 * knows America's), else the offset (GMT+9). The name changes with daylight saving time, so it is per instant.
 */
export function zoneAbbreviation(date: Date, timeZone: string): string {
  const name = (locale: string) =>
    new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
      .formatToParts(date)
      .find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  const british = name('en-GB');
  if (!/^(GMT|UTC)[+-−]/.test(british)) return british;
  const american = name('en-US');
  return /^(GMT|UTC)[+-−]/.test(american) ? british : american;
}

/**
 * An instant in a time zone with the zone named: "31 Dec 2027, 23:59 CET". Without a zone (or with one the
 * browser does not know) the browser's zone is used; the zone is always named, so the reader knows which.
 */
export function formatDateTime(value?: string | null, timeZone?: string | null): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const zone = validZone(timeZone);
  return `${dateTimeFormat(zone).format(date)} ${zoneAbbreviation(date, zone)}`;
}

const dateOnly = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });

/**
 * A calendar date (an ISO `2027-12-31`, as a grant's validity) as "31 Dec 2027": read and written in UTC, so no
 * zone moves it to the day before or after.
 */
export function formatDate(value?: string | null): string {
  if (!value) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? value : dateOnly.format(date);
}

/**
 * The end of a card's validity. The API's `validUntil` is the first moment the card no longer opens doors; an
 * import's "valid until 2027-12-31" is stored as 2028-01-01T00:00Z (through the end of that day, UTC), which is
 * shown as that date rather than as a time on the next day. Any other instant is shown as a time in the zone.
 */
export function formatValidUntil(value?: string | null, timeZone?: string | null): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  if (date.getTime() % 86_400_000 === 0) {
    const lastDay = new Date(date.getTime() - 86_400_000);
    return `through ${dateOnly.format(lastDay)} (UTC)`;
  }
  return formatDateTime(value, timeZone);
}

/** A validity between two calendar dates: "1 Jan 2027 – 31 Dec 2027", "from …", "until …", or "any day". */
export function formatDateRange(from?: string | null, until?: string | null): string {
  if (from && until) return `${formatDate(from)} – ${formatDate(until)}`;
  if (from) return `from ${formatDate(from)}`;
  if (until) return `until ${formatDate(until)}`;
  return 'any day';
}

/**
 * Who acted, as a person reads it: the admin's name, else what the record holds (`imports-bucket` reads as "an
 * import"), else a dash.
 */
export function staffLabel(name?: string | null, subject?: string | null): string {
  if (name) return name;
  if (subject === 'imports-bucket') return 'an import';
  return subject ?? '—';
}

/** Says which zone the times on a page are in: the building's, or the browser's where no building applies. */
export function zoneNote(timeZone?: string | null, buildingName?: string | null): string {
  if (timeZone) {
    return buildingName
      ? `Times are in ${buildingName}'s time zone, ${timeZone}.`
      : `Times are in the building's time zone, ${timeZone}.`;
  }
  return `Times are in your browser's time zone, ${browserZone()}.`;
}

/** Compares text as people read it: digits as numbers (Person 2 < Person 10, E-9 < E-10), case and accents aside. */
export const naturalCollator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function naturalCompare(a?: string | null, b?: string | null): number {
  return naturalCollator.compare(a ?? '', b ?? '');
}

/** A copy of the list in natural order of the key; ties keep their order. */
export function sortNaturally<T>(items: readonly T[], key: (item: T) => string | null | undefined): T[] {
  return [...items].sort((a, b) => naturalCompare(key(a), key(b)));
}

export interface Named {
  givenName?: string | null;
  familyName?: string | null;
  employeeNumber?: string | null;
}

/** "Given Family", or null when the record carries no name (an employee no longer on record). */
export function personName(person: Named): string | null {
  const name = [person.givenName, person.familyName]
    .filter((part) => part && part.trim())
    .join(' ')
    .trim();
  return name || null;
}

/** "Given Family (E-9)"; the number alone, or the fallback (usually the id), when there is no name. */
export function personLabel(person: Named, fallback = '—'): string {
  const name = personName(person);
  if (name && person.employeeNumber) return `${name} (${person.employeeNumber})`;
  return name ?? person.employeeNumber ?? fallback;
}

/** People in natural order of family name, given name and employee number. */
export function sortPeople<T extends Named>(people: readonly T[]): T[] {
  return [...people].sort(
    (a, b) =>
      naturalCompare(a.familyName, b.familyName) ||
      naturalCompare(a.givenName, b.givenName) ||
      naturalCompare(a.employeeNumber, b.employeeNumber),
  );
}
