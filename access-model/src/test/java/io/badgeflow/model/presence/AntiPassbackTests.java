package io.badgeflow.model.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.model.presence.AntiPassback.Verdict;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AntiPassbackTests {

    private static final Instant NINE = Instant.parse("2026-11-24T09:00:00Z");
    private static final Presence OUTSIDE = Presence.unknown("emp-1", "HQ");
    private static final Presence INSIDE_SINCE_NINE = OUTSIDE.entered("evt-9", "door-1", NINE);
    private static final Presence LEFT_AT_TEN = INSIDE_SINCE_NINE.left("evt-10", "door-1", NINE.plusSeconds(3600));

    @Test
    void passesAnyoneOutsideWhateverTheMode() {
        for (var setting :
                new AntiPassback[] {AntiPassback.hard(), AntiPassback.soft(), AntiPassback.timed(5), AntiPassback.off()
                }) {
            assertThat(setting.judge(OUTSIDE, NINE)).as(setting.mode().name()).isEqualTo(Verdict.PASS);
            assertThat(setting.judge(LEFT_AT_TEN, NINE.plusSeconds(3601))).isEqualTo(Verdict.PASS);
        }
    }

    @Test
    void hardDeniesReentryWhileInsideHoweverLongAgo() {
        assertThat(AntiPassback.hard().judge(INSIDE_SINCE_NINE, NINE.plusSeconds(86_400)))
                .isEqualTo(Verdict.DENY);
    }

    @Test
    void softAllowsReentryWhileInsideButRaisesAnAlarm() {
        assertThat(AntiPassback.soft().judge(INSIDE_SINCE_NINE, NINE.plusSeconds(1)))
                .isEqualTo(Verdict.ALARM);
    }

    @Test
    void timedDeniesReentryUntilTheMinutesAreUpAndAllowsItFromThatInstant() {
        var tenMinutes = AntiPassback.timed(10);

        assertThat(tenMinutes.judge(INSIDE_SINCE_NINE, NINE.plusSeconds(599))).isEqualTo(Verdict.DENY);
        assertThat(tenMinutes.judge(INSIDE_SINCE_NINE, NINE.plusSeconds(600).minusNanos(1)))
                .isEqualTo(Verdict.DENY);
        assertThat(tenMinutes.judge(INSIDE_SINCE_NINE, NINE.plusSeconds(600))).isEqualTo(Verdict.PASS);
    }

    @Test
    void offNeverLooksAtPresence() {
        assertThat(AntiPassback.off().judge(INSIDE_SINCE_NINE, NINE)).isEqualTo(Verdict.PASS);
    }

    @Test
    void refusesATimedModeWithoutMinutesAndMinutesOnAnyOtherMode() {
        assertThatThrownBy(() -> AntiPassback.timed(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AntiPassback(AntiPassback.Mode.HARD, 5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
