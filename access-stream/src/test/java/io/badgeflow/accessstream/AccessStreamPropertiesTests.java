package io.badgeflow.accessstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.badgeflow.accessstream.AccessStreamProperties.Kcl;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccessStreamPropertiesTests {

    @Test
    void namesTheKclApplicationAfterTheStage() {
        var properties = new AccessStreamProperties("dev", null, null, null, null, null, null, null);

        assertThat(properties.kclApplicationName()).isEqualTo("badgeflow-dev-access-stream");
    }

    @Test
    void defaultsToKclsOwnTimings() {
        var kcl = new AccessStreamProperties("prod", null, null, null, null, null, null, null).kcl();

        assertThat(kcl.failoverTime()).isEqualTo(Duration.ofSeconds(10));
        assertThat(kcl.leaseAssignmentInterval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(kcl.shardSyncInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(kcl.idleTimeBetweenReads()).isEqualTo(Duration.ofMillis(1500));
        assertThat(kcl.metricsLevel()).isEqualTo("DETAILED");
        assertThat(kcl.bootstrapLeases()).isFalse();
    }

    @Test
    void requiresTheStage() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccessStreamProperties("", null, null, null, null, null, null, null))
                .withMessageContaining("stage");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccessStreamProperties(null, null, null, null, null, null, null, null))
                .withMessageContaining("stage");
    }

    @Test
    void raisesRepeatedDenialsAfterFiveInFiveMinutesByDefault() {
        var alarms = new AccessStreamProperties("dev", null, null, null, null, null, null, null).alarms();

        assertThat(alarms.repeatedDenialsThreshold()).isEqualTo(5);
        assertThat(alarms.repeatedDenialsWindow()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void limitsTheDoorApiFarAboveWhatDoorsAndTheBenchmarksSend() {
        var doorApi = new AccessStreamProperties("prod", null, null, null, null, null, null, null).doorApi();

        // bin/bench decisions: 1,000/s over 8 doors from one address, 125/s per door.
        assertThat(doorApi.perDoor().perSecond()).isGreaterThanOrEqualTo(125);
        assertThat(doorApi.perSource().perSecond()).isGreaterThanOrEqualTo(1_000);
        assertThat(doorApi.trustedProxies())
                .as("no forwarded header believed unless configured")
                .isEmpty();
        assertThat(doorApi.maxBuckets()).isPositive();
    }

    @Test
    void rejectsALimitThatAdmitsNothing() {
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        new AccessStreamProperties.DoorApi(new AccessStreamProperties.Limit(0, 10), null, null, 0))
                .withMessageContaining("door-api.per-door");
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        new AccessStreamProperties.DoorApi(null, new AccessStreamProperties.Limit(10, -1), null, 0))
                .withMessageContaining("door-api.per-source");
    }

    @Test
    void remembersRefusalsBrieflyAndBoundedByDefault() {
        var decisions = new AccessStreamProperties("prod", null, null, null, null, null, null, null).decisions();

        assertThat(decisions.refusalTtl()).isEqualTo(Duration.ofSeconds(10));
        assertThat(decisions.maxRefusals()).isEqualTo(10_000);
    }

    @Test
    void admitsSixteenDecisionsAtOnceWithinAnOsdpReadersDeadlineByDefault() {
        var admission = new AccessStreamProperties("dev", null, null, null, null, null, null, null).admission();

        assertThat(admission.maxConcurrent()).isEqualTo(16);
        assertThat(admission.backlog()).isEqualTo(16);
        assertThat(admission.maxWait()).isEqualTo(Duration.ofMillis(50));
        assertThat(admission.defaultDeadline()).isEqualTo(Duration.ofMillis(200));
        assertThat(admission.answerReserve()).isEqualTo(Duration.ofMillis(20));
        assertThat(admission.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void refusesAReserveThatLeavesNoTimeToDecide() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccessStreamProperties.Admission(
                        4, 8, null, Duration.ofMillis(200), null, Duration.ofMillis(200), null))
                .withMessageContaining("answer-reserve");
    }

    @Test
    void rejectsAnUnknownMetricsLevel() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> kcl("VERBOSE", Duration.ofMillis(200)))
                .withMessageContaining("metrics-level");
    }

    @Test
    void rejectsAnIdleTimeBelowKclsMinimum() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> kcl("NONE", Duration.ofMillis(50)))
                .withMessageContaining("idle-time-between-reads");
    }

    @Test
    void rejectsALeaderHeartbeatSlowerThanAThirdOfTheLock() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Kcl(
                        true,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Duration.ofSeconds(6),
                        Duration.ofSeconds(3),
                        null,
                        null,
                        false,
                        null,
                        null))
                .withMessageContaining("leader-lock-heartbeat");
    }

    private static Kcl kcl(String metricsLevel, Duration idle) {
        return new Kcl(true, metricsLevel, null, null, null, null, null, null, null, null, idle, false, null, null);
    }
}
