package io.badgeflow.admin.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the dashboard page draws for one building, today in the building's time zone: people inside over the day
 * (every 15 minutes, and now), decisions per minute by outcome over the last hour, the day's denials by reason, and
 * the stream consumer's lag over the last hour (null when CloudWatch could not be read). Instants are UTC; the page
 * shows them in {@code timeZone}.
 *
 * @param truncated true when the day held more events than one answer reads: the series then cover the earliest
 *     ones (oldest first), and the last hour may be missing
 */
public record BuildingActivity(
        String buildingId,
        String buildingName,
        String timeZone,
        LocalDate date,
        Instant asOf,
        long insideNow,
        List<OccupancyPoint> occupancy,
        List<DecisionsPoint> decisionsPerMinute,
        List<ReasonCount> denialsByReason,
        List<LagPoint> consumerLag,
        boolean truncated) {

    /** People inside at {@code at}. */
    public record OccupancyPoint(Instant at, long inside) {}

    /** Decisions made in the minute starting at {@code at}. */
    public record DecisionsPoint(Instant at, long granted, long denied) {}

    /** Denials with {@code reason} today. */
    public record ReasonCount(String reason, long count) {}

    /** The consumer's largest lag behind the swipe stream in the minute starting at {@code at}, in milliseconds. */
    public record LagPoint(Instant at, double millis) {}
}
