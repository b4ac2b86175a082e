package io.badgeflow.admin.dashboard;

import io.badgeflow.admin.dashboard.BuildingActivity.DecisionsPoint;
import io.badgeflow.admin.dashboard.BuildingActivity.OccupancyPoint;
import io.badgeflow.admin.dashboard.BuildingActivity.ReasonCount;
import io.badgeflow.model.door.SwipeEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a building's stored door events of one day into the series the dashboard draws. Occupancy is anchored at
 * the presence count now and walked back through the day's passages (a granted entry, a granted exit or a recorded
 * exit), so the line ends where the occupancy page stands even though people who came in yesterday are inside.
 */
final class ActivityCharts {

    static final Duration OCCUPANCY_STEP = Duration.ofMinutes(15);
    static final Duration RECENT = Duration.ofHours(1);

    private ActivityCharts() {}

    /** Occupancy at midnight (local, as an instant), every 15 minutes after, and now; never below zero. */
    static List<OccupancyPoint> occupancy(List<SwipeEntry> events, Instant startOfDay, Instant now, long insideNow) {
        var changes = new TreeMap<Instant, Long>();
        for (var event : events) {
            var change = passage(event);
            if (change != 0) {
                changes.merge(event.occurredAt(), (long) change, Long::sum);
            }
        }
        var points = new ArrayList<OccupancyPoint>();
        for (var at = startOfDay; at.isBefore(now); at = at.plus(OCCUPANCY_STEP)) {
            // inside(at) = inside(now) - the net passages in (at, now]
            long after = changes.subMap(at, false, now, true).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            points.add(new OccupancyPoint(at, Math.max(0, insideNow - after)));
        }
        points.add(new OccupancyPoint(now, insideNow));
        return points;
    }

    /** Decisions per minute over the hour before {@code now}, one point per minute, zeros included. */
    static List<DecisionsPoint> decisionsPerMinute(List<SwipeEntry> events, Instant now) {
        var end = now.truncatedTo(ChronoUnit.MINUTES);
        var start = end.minus(RECENT).plus(Duration.ofMinutes(1));
        var granted = new LinkedHashMap<Instant, Long>();
        var denied = new LinkedHashMap<Instant, Long>();
        for (var event : events) {
            if (event.decision() == null) {
                continue;
            }
            var minute = event.occurredAt().truncatedTo(ChronoUnit.MINUTES);
            if (minute.isBefore(start) || minute.isAfter(end)) {
                continue;
            }
            ("GRANTED".equals(event.decision()) ? granted : denied).merge(minute, 1L, Long::sum);
        }
        var points = new ArrayList<DecisionsPoint>();
        for (var minute = start; !minute.isAfter(end); minute = minute.plus(Duration.ofMinutes(1))) {
            points.add(new DecisionsPoint(minute, granted.getOrDefault(minute, 0L), denied.getOrDefault(minute, 0L)));
        }
        return points;
    }

    /** The day's denials by reason, most frequent first. */
    static List<ReasonCount> denialsByReason(List<SwipeEntry> events) {
        var counts = new TreeMap<String, Long>();
        for (var event : events) {
            if ("DENIED".equals(event.decision()) && event.reason() != null) {
                counts.merge(event.reason(), 1L, Long::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> new ReasonCount(entry.getKey(), entry.getValue()))
                .toList();
    }

    /** +1 for a granted entry, -1 for a granted exit or a recorded exit, 0 for anything else. */
    private static int passage(SwipeEntry event) {
        if ("ExitRecorded".equals(event.type())) {
            return -1;
        }
        if (!"EntryDecided".equals(event.type()) || !"GRANTED".equals(event.decision())) {
            return 0;
        }
        return "OUT".equals(event.direction()) ? -1 : "IN".equals(event.direction()) ? 1 : 0;
    }
}
