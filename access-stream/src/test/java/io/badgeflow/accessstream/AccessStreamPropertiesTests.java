package io.badgeflow.accessstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.badgeflow.accessstream.AccessStreamProperties.Kcl;
import io.badgeflow.accessstream.AccessStreamProperties.Tables;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccessStreamPropertiesTests {

    private static final AccessStreamProperties.Archive ARCHIVE = new AccessStreamProperties.Archive("archive");
    private static final AccessStreamProperties.Alarms ALARMS = new AccessStreamProperties.Alarms(
            "arn:aws:sns:us-east-1:000000000000:badgeflow-dev-alarms", 0, null);
    private static final Tables TABLES = new Tables("d", "s", "p", "e", "c", "b", "g", "cmd", "pr", "a");

    @Test
    void namesTheKclApplicationAfterTheStage() {
        var properties = new AccessStreamProperties("dev", TABLES, "swipes", null, null, ALARMS, null, null, ARCHIVE);

        assertThat(properties.kclApplicationName()).isEqualTo("badgeflow-dev-access-stream");
    }

    @Test
    void defaultsToKclsOwnTimings() {
        var kcl = new AccessStreamProperties("prod", TABLES, "swipes", null, null, ALARMS, null, null, ARCHIVE).kcl();

        assertThat(kcl.failoverTime()).isEqualTo(Duration.ofSeconds(10));
        assertThat(kcl.leaseAssignmentInterval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(kcl.shardSyncInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(kcl.idleTimeBetweenReads()).isEqualTo(Duration.ofMillis(1500));
        assertThat(kcl.metricsLevel()).isEqualTo("DETAILED");
        assertThat(kcl.bootstrapLeases()).isFalse();
    }

    @Test
    void requiresTheStageTablesAndStream() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccessStreamProperties("", TABLES, "x", null, null, ALARMS, null, null,
                        ARCHIVE))
                .withMessageContaining("stage");
        assertThatIllegalArgumentException().isThrownBy(() -> new Tables("d", " ", "p", "e", "c", "b", "g", "cmd", "pr", "a"))
                .withMessageContaining("tables.swipes");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccessStreamProperties("dev", TABLES, null, null, null, ALARMS, null, null,
                        ARCHIVE))
                .withMessageContaining("stream-name");
    }

    @Test
    void rejectsAnUnknownMetricsLevel() {
        assertThatIllegalArgumentException().isThrownBy(() -> kcl("VERBOSE", Duration.ofMillis(200)))
                .withMessageContaining("metrics-level");
    }

    @Test
    void rejectsAnIdleTimeBelowKclsMinimum() {
        assertThatIllegalArgumentException().isThrownBy(() -> kcl("NONE", Duration.ofMillis(50)))
                .withMessageContaining("idle-time-between-reads");
    }

    @Test
    void rejectsALeaderHeartbeatSlowerThanAThirdOfTheLock() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Kcl(true, null, null, null, null, null, null, Duration.ofSeconds(6),
                        Duration.ofSeconds(3), null, null, false, null, null))
                .withMessageContaining("leader-lock-heartbeat");
    }

    private static Kcl kcl(String metricsLevel, Duration idle) {
        return new Kcl(true, metricsLevel, null, null, null, null, null, null, null, null, idle, false, null, null);
    }
}
