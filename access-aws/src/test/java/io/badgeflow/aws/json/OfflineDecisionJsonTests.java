package io.badgeflow.aws.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.EntryDecided;
import io.badgeflow.model.door.ExitRecorded;
import io.badgeflow.model.door.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code offline} mark on decisions is additive: absent on the wire when false, and read as false when absent. */
class OfflineDecisionJsonTests {

    private static final Instant AT = Instant.parse("2026-12-07T08:00:00Z");

    @Test
    void writesTheMarkOnlyForOfflineDecisionsAndReadsItBack() {
        var online = entry(false);
        var offline = entry(true);

        var onlineJson = new String(MessageJson.write(online), StandardCharsets.UTF_8);
        var offlineJson = new String(MessageJson.write(offline), StandardCharsets.UTF_8);

        assertThat(onlineJson).doesNotContain("offline");
        assertThat(offlineJson).contains("\"offline\":true");
        assertThat(MessageJson.readDoorEvent(offlineJson.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(offline);
        assertThat(MessageJson.readDoorEvent(onlineJson.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(online);
    }

    @Test
    void readsAnExitRecordedBeforeTheMarkExistedAsOnline() {
        var exit = new ExitRecorded("evt-1", "door-1", "HQ", "0042", null, null, List.of(), AT, AT, true);
        var json = new String(MessageJson.write(exit), StandardCharsets.UTF_8);
        var before = json.replace(",\"offline\":true", "");

        var read = (ExitRecorded) MessageJson.readDoorEvent(before.getBytes(StandardCharsets.UTF_8));

        assertThat(json).contains("\"offline\":true");
        assertThat(read.offline()).isFalse();
    }

    private static EntryDecided entry(boolean offline) {
        return new EntryDecided(
                "evt-2",
                "door-1",
                "HQ",
                "0042",
                Direction.IN,
                "card-1",
                null,
                "emp-1",
                Outcome.GRANTED,
                DecisionReason.GRANTED,
                "all-rules-passed",
                "p",
                List.of(),
                AT,
                AT,
                offline);
    }
}
