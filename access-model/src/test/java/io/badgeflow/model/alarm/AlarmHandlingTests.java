package io.badgeflow.model.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.model.InvalidFieldException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlarmHandlingTests {

    private static final Instant T1 = Instant.parse("2026-12-07T08:00:00Z");
    private static final Instant T2 = Instant.parse("2026-12-07T08:05:00Z");

    @Test
    void acknowledgingAnOpenAlarmNamesWhoAndWhen() {
        var acked = AlarmHandling.OPEN.acknowledge("a1", "op@example.com", T1, " on my way ");

        assertThat(acked.status()).isEqualTo(AlarmStatus.ACKNOWLEDGED);
        assertThat(acked.acknowledgedBy()).isEqualTo("op@example.com");
        assertThat(acked.acknowledgedAt()).isEqualTo(T1);
        assertThat(acked.acknowledgeNote()).isEqualTo("on my way");
        assertThat(acked.resolvedAt()).isNull();
    }

    @Test
    void resolvingKeepsTheAcknowledgement() {
        var resolved = AlarmHandling.OPEN.acknowledge("a1", "op", T1, null).resolve("a1", "lead", T2, "door repaired");

        assertThat(resolved.status()).isEqualTo(AlarmStatus.RESOLVED);
        assertThat(resolved.acknowledgedBy()).isEqualTo("op");
        assertThat(resolved.acknowledgedAt()).isEqualTo(T1);
        assertThat(resolved.resolvedBy()).isEqualTo("lead");
        assertThat(resolved.resolvedAt()).isEqualTo(T2);
        assertThat(resolved.resolveNote()).isEqualTo("door repaired");
    }

    @Test
    void resolvingAnOpenAlarmAcknowledgesItAtTheSameMoment() {
        var resolved = AlarmHandling.OPEN.resolve("a1", "op", T1, "false alarm");

        assertThat(resolved.acknowledgedBy()).isEqualTo("op");
        assertThat(resolved.acknowledgedAt()).isEqualTo(T1);
        assertThat(resolved.resolvedAt()).isEqualTo(T1);
    }

    @Test
    void refusesASecondAcknowledgement() {
        var acked = AlarmHandling.OPEN.acknowledge("a1", "op", T1, null);

        assertThatThrownBy(() -> acked.acknowledge("a1", "other", T2, null))
                .isInstanceOfSatisfying(
                        AlarmTransitionRefusedException.class,
                        e -> assertThat(e.current()).isEqualTo(AlarmStatus.ACKNOWLEDGED));
    }

    @Test
    void nothingMovesAResolvedAlarm() {
        var resolved = AlarmHandling.OPEN.resolve("a1", "op", T1, null);

        assertThatThrownBy(() -> resolved.acknowledge("a1", "op", T2, null))
                .isInstanceOf(AlarmTransitionRefusedException.class);
        assertThatThrownBy(() -> resolved.resolve("a1", "op", T2, null))
                .isInstanceOf(AlarmTransitionRefusedException.class);
    }

    @Test
    void refusesANoteLongerThanTheLimit() {
        assertThatThrownBy(() -> AlarmHandling.OPEN.acknowledge("a1", "op", T1, "x".repeat(501)))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("note"));
    }
}
