package io.badgeflow.accessstream.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServiceTimesTests {

    private static final long MS = Duration.ofMillis(1).toNanos();

    private final ServiceTimes times = new ServiceTimes();

    @Test
    void saysNothingWithoutSamples() {
        assertThat(times.p99(0)).isZero();
    }

    @Test
    void givesTheP99OfRecentDecisions() {
        for (var i = 1; i <= 100; i++) {
            times.record(i * MS, 1_000 * MS);
        }

        assertThat(times.p99(1_000 * MS)).isEqualTo(99 * MS);
    }

    @Test
    void forgetsDecisionsOlderThanItsWindowSoASlowSpellDoesNotOutliveIt() {
        times.record(500 * MS, 0);
        times.record(10 * MS, 5_500 * MS);

        assertThat(times.p99(6_000 * MS)).isEqualTo(10 * MS);
        assertThat(times.p99(20_000 * MS))
                .as("nothing recent: nothing kept back")
                .isZero();
    }
}
