import { describe, expect, it } from 'vitest';
import { chartSeries, clockTime, reasonLabel, summaries, zoneName } from './dashboard';
import type { BuildingActivity } from './types';

const activity: BuildingActivity = {
  buildingId: 'HQ',
  buildingName: 'Head office',
  timeZone: 'Europe/Berlin',
  date: '2026-12-07',
  asOf: '2026-12-07T09:30:00Z',
  insideNow: 3,
  occupancy: [
    { at: '2026-12-06T23:00:00Z', inside: 1 },
    { at: '2026-12-07T08:00:00Z', inside: 5 },
    { at: '2026-12-07T09:30:00Z', inside: 3 },
  ],
  decisionsPerMinute: [
    { at: '2026-12-07T09:28:00Z', granted: 2, denied: 1 },
    { at: '2026-12-07T09:29:00Z', granted: 0, denied: 0 },
  ],
  denialsByReason: [
    { reason: 'CARD_NOT_ACTIVE', count: 4 },
    { reason: 'ANTI_PASSBACK', count: 1 },
  ],
  consumerLag: [{ at: '2026-12-07T09:28:00Z', millis: 1234 }],
  truncated: false,
};

describe('dashboard series', () => {
  it('reads times on the building clock, not the browser one', () => {
    expect(clockTime('2026-12-06T23:00:00Z', 'Europe/Berlin')).toBe('00:00');
    expect(clockTime('2026-12-07T09:30:00Z', 'America/New_York')).toBe('04:30');
    expect(zoneName('Europe/Berlin', '2026-12-07T09:30:00Z')).toMatch(/CET|GMT\+1/);
  });

  it('labels reasons as words', () => {
    expect(reasonLabel('CARD_NOT_ACTIVE')).toBe('Card not active');
  });

  it('turns the answer into chart rows and one-sentence summaries', () => {
    const series = chartSeries(activity);
    expect(series.occupancy.map((p) => p.time)).toEqual(['00:00', '09:00', '10:30']);
    expect(series.lag).toEqual([{ time: '10:28', seconds: 1.2 }]);
    const says = summaries(activity, series);
    expect(says.occupancy).toBe('3 inside now; the most today was 5 at 09:00.');
    expect(says.decisions).toBe('2 granted and 1 denied in the last hour.');
    expect(says.denials).toBe('5 denials today; most often: Card not active (4).');
    expect(says.lag).toBe('The stream consumer was at most 1.2 s behind in the last hour.');
  });

  it('says when the lag is not available', () => {
    const series = chartSeries({ ...activity, consumerLag: null });
    expect(series.lag).toBeNull();
    expect(summaries(activity, series).lag).toMatch(/not available/);
  });
});
