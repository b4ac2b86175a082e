import type { BuildingActivity } from './types';

/** Hours and minutes of an instant on the building's clock, e.g. "08:15". */
export function clockTime(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(instant),
  );
}

/** The zone as people read it next to a time, e.g. "CET" or "GMT+1"; the IANA id when the browser has no name. */
export function zoneName(timeZone: string, at: string): string {
  const part = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' })
    .formatToParts(new Date(at))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** A reason as an operator reads it: CARD_NOT_ACTIVE -> "Card not active". */
export function reasonLabel(reason: string): string {
  const words = reason.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface ChartSeries {
  occupancy: { time: string; inside: number }[];
  decisions: { time: string; granted: number; denied: number }[];
  denials: { reason: string; count: number }[];
  lag: { time: string; seconds: number }[] | null;
}

/** The answer of GET /buildings/{id}/activity as the charts take it, times on the building's clock. */
export function chartSeries(activity: BuildingActivity): ChartSeries {
  const at = (instant: string) => clockTime(instant, activity.timeZone);
  return {
    occupancy: activity.occupancy.map((p) => ({ time: at(p.at), inside: p.inside })),
    decisions: activity.decisionsPerMinute.map((p) => ({ time: at(p.at), granted: p.granted, denied: p.denied })),
    denials: activity.denialsByReason.map((r) => ({ reason: reasonLabel(r.reason), count: r.count })),
    lag:
      activity.consumerLag === null
        ? null
        : activity.consumerLag.map((p) => ({ time: at(p.at), seconds: Math.round(p.millis / 100) / 10 })),
  };
}

/** One sentence per chart for screen readers and the figure captions. */
export function summaries(activity: BuildingActivity, series: ChartSeries) {
  const peak = series.occupancy.reduce((best, p) => (p.inside > best.inside ? p : best), { time: '—', inside: 0 });
  const granted = series.decisions.reduce((sum, p) => sum + p.granted, 0);
  const denied = series.decisions.reduce((sum, p) => sum + p.denied, 0);
  const denials = series.denials.reduce((sum, r) => sum + r.count, 0);
  const worstLag = series.lag?.reduce((max, p) => Math.max(max, p.seconds), 0) ?? null;
  return {
    occupancy: `${activity.insideNow} inside now; the most today was ${peak.inside} at ${peak.time}.`,
    decisions: `${granted} granted and ${denied} denied in the last hour.`,
    denials:
      denials === 0
        ? 'No denials today.'
        : `${denials} denials today; most often: ${series.denials[0].reason} (${series.denials[0].count}).`,
    lag:
      worstLag === null
        ? 'The consumer lag is not available (metrics are not published or could not be read).'
        : series.lag!.length === 0
          ? 'No consumer lag published in the last hour.'
          : `The stream consumer was at most ${worstLag} s behind in the last hour.`,
  };
}
