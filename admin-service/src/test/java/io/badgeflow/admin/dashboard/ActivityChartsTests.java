package io.badgeflow.admin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.admin.dashboard.BuildingActivity.DecisionsPoint;
import io.badgeflow.admin.dashboard.BuildingActivity.OccupancyPoint;
import io.badgeflow.admin.dashboard.BuildingActivity.ReasonCount;
import io.badgeflow.model.door.SwipeEntry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActivityChartsTests {

    private static final Instant MIDNIGHT = Instant.parse("2026-12-07T00:00:00Z");

    @Test
    void occupancyWalksBackFromTheCountNowThroughTheDaysPassages() {
        var now = MIDNIGHT.plusSeconds(3600);
        var events = List.of(
                entry("EntryDecided", "IN", "GRANTED", "GRANTED", "00:10"),
                entry("EntryDecided", "IN", "GRANTED", "GRANTED", "00:20"),
                entry("EntryDecided", "IN", "DENIED", "CARD_NOT_ACTIVE", "00:25"),
                entry("ExitRecorded", "OUT", "GRANTED", "EXIT", "00:40"));

        // 3 inside now (one since yesterday): 00:00 -> 2 (3 - 2 in + 1 out), 00:15 -> 2, 00:30 -> 4, 00:45 -> 3
        assertThat(ActivityCharts.occupancy(events, MIDNIGHT, now, 3))
                .containsExactly(
                        new OccupancyPoint(MIDNIGHT, 2),
                        new OccupancyPoint(MIDNIGHT.plusSeconds(900), 3),
                        new OccupancyPoint(MIDNIGHT.plusSeconds(1800), 4),
                        new OccupancyPoint(MIDNIGHT.plusSeconds(2700), 3),
                        new OccupancyPoint(now, 3));
    }

    @Test
    void decisionsPerMinuteCoverTheLastHourWithZerosBetween() {
        var now = MIDNIGHT.plusSeconds(3600 + 30);
        var events = List.of(
                entry("EntryDecided", "IN", "GRANTED", "GRANTED", "00:59"),
                entry("EntryDecided", "IN", "DENIED", "UNKNOWN_CARD", "00:59"),
                entry("EntryDecided", "IN", "DENIED", "UNKNOWN_CARD", "01:00"),
                entry("DoorStateChanged", null, null, null, "01:00"));

        var points = ActivityCharts.decisionsPerMinute(events, now);

        assertThat(points).hasSize(60);
        assertThat(points.getFirst()).isEqualTo(new DecisionsPoint(MIDNIGHT.plusSeconds(60), 0, 0));
        assertThat(points.subList(58, 60))
                .containsExactly(
                        new DecisionsPoint(MIDNIGHT.plusSeconds(3540), 1, 1),
                        new DecisionsPoint(MIDNIGHT.plusSeconds(3600), 0, 1));
    }

    @Test
    void denialsByReasonMostFrequentFirst() {
        var events = List.of(
                entry("EntryDecided", "IN", "DENIED", "ANTI_PASSBACK", "08:00"),
                entry("EntryDecided", "IN", "DENIED", "UNKNOWN_CARD", "08:01"),
                entry("EntryDecided", "IN", "DENIED", "UNKNOWN_CARD", "08:02"),
                entry("EntryDecided", "IN", "GRANTED", "GRANTED", "08:03"));

        assertThat(ActivityCharts.denialsByReason(events))
                .containsExactly(new ReasonCount("UNKNOWN_CARD", 2), new ReasonCount("ANTI_PASSBACK", 1));
    }

    private static SwipeEntry entry(String type, String direction, String decision, String reason, String at) {
        return new SwipeEntry(
                UUID.randomUUID().toString(),
                type,
                "door-1",
                "HQ",
                "e-1",
                "C-1",
                "card-1",
                null,
                direction,
                decision,
                reason,
                null,
                null,
                null,
                List.of(),
                Instant.parse("2026-12-07T" + at + ":00Z"),
                null);
    }
}
