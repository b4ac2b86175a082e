package io.badgeflow.accessstream.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.accessstream.InMemoryAlarms;
import io.badgeflow.accessstream.InMemoryDoors;
import io.badgeflow.model.door.AlarmType;
import io.badgeflow.model.door.DeviceKeyHash;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.offline.DoorListStatus;
import io.badgeflow.model.offline.DoorListStatuses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DoorListReportsTests {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private final MutableClock clock = new MutableClock();
    private final StoredStatuses store = new StoredStatuses();
    private final InMemoryAlarms alarms = new InMemoryAlarms();
    private final InMemoryDoors doors = new InMemoryDoors();
    private final OfflineProperties settings =
            new OfflineProperties(null, null, 0, 0, Duration.ofMinutes(5), null, null, false);
    private final DoorListReports reports = new DoorListReports(store, doors, alarms, alarms, clock, settings);

    DoorListReportsTests() {
        doors.register(new Door("door-1", "HQ", new DeviceKeyHash("ab".repeat(32))));
    }

    @Test
    void writesWhatTheDoorsReportedOnlyAtTheFlushAndNeverMovesATimeBack() {
        reports.confirmed("door-1", 7);
        clock.now = T0.plusSeconds(10);
        reports.reported("door-1", 7);

        assertThat(store.rows).isEmpty();
        reports.flush();

        assertThat(store.rows.get("door-1")).isEqualTo(new DoorListStatus("door-1", 7, T0.plusSeconds(10), T0));
        store.record(new DoorListStatus("door-1", 5, T0.plusSeconds(1), T0.minusSeconds(60)));
        assertThat(store.rows.get("door-1").confirmedAt()).isEqualTo(T0);
    }

    @Test
    void raisesAllowListStaleOncePerConfirmationADoorFallsBehindOn() {
        reports.confirmed("door-1", 7);
        reports.flush();

        clock.now = T0.plus(Duration.ofMinutes(4));
        assertThat(reports.checkStaleness()).isEmpty();
        clock.now = T0.plus(Duration.ofMinutes(6));
        var raised = reports.checkStaleness();
        clock.now = T0.plus(Duration.ofMinutes(7));
        var again = reports.checkStaleness();

        assertThat(raised).singleElement().satisfies(alarm -> {
            assertThat(alarm.type()).isEqualTo(AlarmType.ALLOW_LIST_STALE);
            assertThat(alarm.doorId()).isEqualTo("door-1");
            assertThat(alarm.buildingId()).isEqualTo("HQ");
            assertThat(alarm.occurredAt()).isEqualTo(T0);
        });
        assertThat(again).isEmpty();
        assertThat(alarms.published).hasSize(1);
    }

    @Test
    void raisesNothingWhenAnotherInstanceConfirmedTheDoorSince() {
        reports.confirmed("door-1", 7);
        clock.now = T0.plus(Duration.ofMinutes(6));
        store.record(new DoorListStatus("door-1", 8, clock.now, clock.now.minusSeconds(30)));

        assertThat(reports.checkStaleness()).isEmpty();
        assertThat(reports.heardOf("door-1").confirmedAt()).isEqualTo(clock.now.minusSeconds(30));
    }

    /** The store's max-merge, as the DynamoDB conditions make it. */
    private static final class StoredStatuses implements DoorListStatuses {
        final Map<String, DoorListStatus> rows = new HashMap<>();

        @Override
        public void record(DoorListStatus status) {
            rows.merge(status.doorId(), status, DoorListStatus::merge);
        }

        @Override
        public List<DoorListStatus> of(List<String> doorIds) {
            return doorIds.stream()
                    .map(id -> rows.getOrDefault(id, new DoorListStatus(id, 0, null, null)))
                    .toList();
        }
    }

    private static final class MutableClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
