import { personLabel } from './format';
import type { SwipeEvent } from './types';

/** How many events the live view keeps on screen. */
export const LIVE_KEEP = 100;

/**
 * Adds a poll's events to those shown: each poll reads again a little before the last one (late events), so the
 * same event can come twice and is kept once; newest first, at most `keep`.
 */
export function mergeEvents(
  shown: readonly SwipeEvent[],
  polled: readonly SwipeEvent[],
  keep = LIVE_KEEP,
): SwipeEvent[] {
  const byId = new Map<string, SwipeEvent>();
  for (const event of [...polled, ...shown]) {
    if (!byId.has(event.eventId)) byId.set(event.eventId, event);
  }
  return [...byId.values()]
    .sort((a, b) =>
      a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : a.eventId.localeCompare(b.eventId),
    )
    .slice(0, keep);
}

/** Whether security should look at an event: it raised an alarm, or a door was forced or held open. */
export function isAlarm(event: SwipeEvent): boolean {
  return event.alarms.length > 0 || event.doorState === 'FORCED' || event.doorState === 'HELD_OPEN';
}

/** Who an event is about, as a line of text: the name when known, else the id, else the card number. */
export function personText(
  event: Pick<SwipeEvent, 'givenName' | 'familyName' | 'employeeNumber' | 'employeeId' | 'cardNumber'>,
): string {
  if (event.familyName || event.givenName) return personLabel(event);
  if (event.employeeId) return event.employeeId;
  return event.cardNumber ? `card ${event.cardNumber}` : '—';
}

/** What happened, in a few words: the decision and reason of a passage, or the door's new state. */
export function outcomeText(event: SwipeEvent): string {
  if (event.doorState) return `Door ${event.doorState.toLowerCase().replace('_', ' ')}`;
  if (!event.decision) return event.direction ? `Swipe ${event.direction}` : event.type;
  return event.reason && event.reason !== event.decision ? `${event.decision} · ${event.reason}` : event.decision;
}

/** An ISO instant from a `datetime-local` input (the browser's local time), or undefined when empty or invalid. */
export function instantFromLocal(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** A `datetime-local` value (local time, minutes) for an instant. */
export function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** How old a door's offline list is, in words: its age since it was last confirmed current, or that it has none. */
export function listAgeText(ageSeconds: number | null | undefined): string {
  if (ageSeconds === null || ageSeconds === undefined) return 'no list';
  if (ageSeconds < 120) return `${ageSeconds} s`;
  if (ageSeconds < 7200) return `${Math.floor(ageSeconds / 60)} min`;
  return `${Math.floor(ageSeconds / 3600)} h`;
}
