package io.badgeflow.model.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PresenceTests {

    private static final Instant NINE = Instant.parse("2026-11-24T09:00:00Z");

    @Test
    void startsOutsideAtVersionZeroForSomeoneNeverSeen() {
        var presence = Presence.unknown("emp-1", "HQ");

        assertThat(presence.inside()).isFalse();
        assertThat(presence.version()).isZero();
        assertThat(presence.lastDoorId()).isNull();
    }

    @Test
    void entersThroughADoorAndBumpsTheVersion() {
        var inside = Presence.unknown("emp-1", "HQ").entered("evt-1", "door-1", NINE);

        assertThat(inside).isEqualTo(new Presence("emp-1", "HQ", true, "door-1", NINE, "evt-1", 1));
    }

    @Test
    void leavesThroughAnotherDoorAndBumpsTheVersionAgain() {
        var outside = Presence.unknown("emp-1", "HQ")
                .entered("evt-2", "door-1", NINE)
                .left("evt-3", "door-2", NINE.plusSeconds(60));

        assertThat(outside).isEqualTo(new Presence("emp-1", "HQ", false, "door-2", NINE.plusSeconds(60), "evt-3", 2));
    }

    @Test
    void bumpsTheVersionForEveryPassageEvenInTheSameState() {
        var twice = Presence.unknown("emp-1", "HQ")
                .entered("evt-4", "door-1", NINE)
                .entered("evt-5", "door-2", NINE.plusSeconds(1));

        assertThat(twice.version()).isEqualTo(2);
        assertThat(twice.lastDoorId()).isEqualTo("door-2");
    }

    @Test
    void ignoresAPassageOlderThanTheOneItRecords() {
        var inside = Presence.unknown("emp-1", "HQ").entered("evt-6", "door-1", NINE);

        var late = inside.left("evt-7", "door-2", NINE.minusSeconds(1));

        assertThat(late).isSameAs(inside);
        assertThat(late.isNewerThan(inside)).isFalse();
        assertThat(inside.left("evt-8", "door-2", NINE).isNewerThan(inside))
                .as("the same instant still counts")
                .isTrue();
    }

    @Test
    void ignoresThePassageItRecordsDeliveredAgain() {
        var inside = Presence.unknown("emp-1", "HQ").entered("evt-9", "door-1", NINE);

        assertThat(inside.entered("evt-9", "door-1", NINE)).isSameAs(inside);
        assertThat(inside.left("evt-9", "door-1", NINE.plusSeconds(5))).isSameAs(inside);
        assertThat(inside.records("evt-9")).isTrue();
    }

    @Test
    void refusesSomeoneInsideWithoutADoorOrATime() {
        assertThatThrownBy(() -> new Presence("emp-1", "HQ", true, null, null, null, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
