import { describe, expect, it } from 'vitest';
import { newestSwipes, recentRange, type SwipePageReader } from './recentSwipes';
import type { SwipeEvent } from './types';

function event(minute: number): SwipeEvent {
  const occurredAt = new Date(Date.UTC(2026, 0, 1) + minute * 60_000).toISOString();
  return { eventId: `e${minute}`, type: 'EntryDecided', occurredAt, doorId: 'door-1', alarms: [] };
}

/** The audit API over `stored`: the range [from, to), oldest first, paged by an index cursor; counts the reads. */
function audit(stored: SwipeEvent[]): SwipePageReader & { reads: number } {
  const read = async ({ from, to, size, cursor }: { from: string; to: string; size: number; cursor?: string }) => {
    read.reads += 1;
    const inRange = stored
      .filter((e) => e.occurredAt >= from && e.occurredAt < to)
      .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
    const start = cursor ? Number(cursor) : 0;
    const next = start + size < inRange.length ? String(start + size) : null;
    return { items: inRange.slice(start, start + size), next };
  };
  read.reads = 0;
  return read;
}

const week = { from: '2026-01-01T00:00:00.000Z', to: '2026-01-08T00:00:00.000Z' };

describe('recentRange', () => {
  it('spans the last seven days up to a minute from now', () => {
    expect(recentRange(new Date('2026-03-10T12:00:00Z'))).toEqual({
      from: '2026-03-03T12:00:00.000Z',
      to: '2026-03-10T12:01:00.000Z',
    });
  });
});

describe('newestSwipes', () => {
  it('reads a quiet week in one request and lists it newest first', async () => {
    const read = audit([event(10), event(3000), event(20)]);
    expect((await newestSwipes(read, week)).map((e) => e.eventId)).toEqual(['e3000', 'e20', 'e10']);
    expect(read.reads).toBe(1);
  });

  it('shows nothing for a week without swipes', async () => {
    expect(await newestSwipes(audit([]), week)).toEqual([]);
  });

  it('finds the newest events of a busy week by reading its later half first', async () => {
    // One swipe every 5 minutes for a week: 2016 events, far more than two pages of 100.
    const stored = Array.from({ length: 2016 }, (_, i) => event(i * 5));
    const read = audit(stored);
    const newest = await newestSwipes(read, week, 20);
    expect(newest.map((e) => e.eventId)).toEqual(
      stored
        .slice(-20)
        .reverse()
        .map((e) => e.eventId),
    );
    expect(read.reads).toBeLessThan(20);
  });

  it('fills the list from the earlier half when the later half has too few', async () => {
    // Busy at the start of the week, then two swipes near its end.
    const stored = [...Array.from({ length: 300 }, (_, i) => event(i)), event(9000), event(9001)];
    const newest = await newestSwipes(audit(stored), week, 5);
    expect(newest.map((e) => e.eventId)).toEqual(['e9001', 'e9000', 'e299', 'e298', 'e297']);
  });
});
