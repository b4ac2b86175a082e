import type { PageOf, SwipeEvent } from './types';

/** How many of a person's door events the employee page shows, and over how many days back. */
export const RECENT_SHOWN = 20;
export const RECENT_DAYS = 7;

/** Pages of the largest size a listing allows; a range that needs more than `READ_PAGES` of them is split. */
const PAGE_SIZE = 100;
const READ_PAGES = 2;
/** Below this span a range is not split again: its first pages are shown as they are. */
const MIN_SPAN_MS = 60_000;

export interface Range {
  from: string;
  to: string;
}

/** One page of `GET /audit/swipes` for the employee over `[from, to)`, oldest first. */
export type SwipePageReader = (range: Range & { size: number; cursor?: string }) => Promise<PageOf<SwipeEvent>>;

/** The last `days` days up to a minute from now (a door's clock may run a little ahead of the browser's). */
export function recentRange(now: Date, days = RECENT_DAYS): Range {
  return {
    from: new Date(now.getTime() - days * 24 * 3600 * 1000).toISOString(),
    to: new Date(now.getTime() + 60 * 1000).toISOString(),
  };
}

/**
 * A person's newest door events in a range, newest first, at most `limit`. The audit API lists a range oldest
 * first, so a range is read to its end; one with more events than a few pages hold (a busy badge over a week) is
 * split in two and the later half read first, so a busy person costs a handful of reads instead of a week's pages.
 */
export async function newestSwipes(read: SwipePageReader, range: Range, limit = RECENT_SHOWN): Promise<SwipeEvent[]> {
  const events: SwipeEvent[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < READ_PAGES; pages += 1) {
    const page = await read({ ...range, size: PAGE_SIZE, cursor });
    events.push(...page.items);
    cursor = page.next ?? undefined;
    if (!cursor) break;
  }
  const from = Date.parse(range.from);
  const to = Date.parse(range.to);
  if (!cursor || to - from <= MIN_SPAN_MS) return events.reverse().slice(0, limit);

  const middle = new Date(from + Math.floor((to - from) / 2)).toISOString();
  const later = await newestSwipes(read, { from: middle, to: range.to }, limit);
  if (later.length >= limit) return later;
  return [...later, ...(await newestSwipes(read, { from: range.from, to: middle }, limit - later.length))];
}
