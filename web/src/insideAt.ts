import type { InsideAt } from './types';

/**
 * The instant a `datetime-local` input means, read in the browser's time zone, as the API's ISO form; null when
 * the text is not a date and time.
 */
export function localToInstant(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) return null;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A `datetime-local` value for an instant, in the browser's time zone (to the second). */
export function instantToLocal(instant: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}` +
    `T${pad(instant.getHours())}:${pad(instant.getMinutes())}:${pad(instant.getSeconds())}`
  );
}

/** One sentence on what the answer covers: how many were inside, and the look-back it knows nothing before. */
export function insideAtSummary(report: InsideAt, format: (instant: string) => string): string {
  const count = report.people.length;
  const who = count === 0 ? 'Nobody was' : count === 1 ? '1 person was' : `${count} people were`;
  return (
    `${who} inside ${report.buildingId} at ${format(report.at)}, from ${report.eventsRead} archived events` +
    ` since ${format(report.lookBackFrom)}. Someone who entered before then and passed no door since is not known.`
  );
}
