package io.badgeflow.aws.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedProbeTests {

    private Instant now = Instant.parse("2026-12-07T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void asksTheDependencyAtMostOncePerTimeToLive() {
        var calls = new AtomicInteger();
        var probe = new CachedProbe(calls::incrementAndGet, Duration.ofSeconds(2), clock);
        for (int i = 0; i < 50; i++) {
            probe.result();
        }
        assertThat(calls).hasValue(1);
        now = now.plusSeconds(2);
        probe.result();
        assertThat(calls).hasValue(2);
    }

    @Test
    void goesDownWhileTheCheckFailsAndUpAgainByItself() {
        var failing = new AtomicBoolean(true);
        var probe = new CachedProbe(
                () -> {
                    if (failing.get()) {
                        throw new IllegalStateException("wrapped", new ConnectException("Connection refused"));
                    }
                },
                Duration.ofSeconds(1),
                clock);
        var down = probe.result();
        assertThat(down.up()).isFalse();
        assertThat(down.failure()).isEqualTo("ConnectException: Connection refused");
        now = now.plusSeconds(5);
        assertThat(probe.result().since()).isEqualTo(down.since());
        failing.set(false);
        now = now.plusSeconds(1);
        var up = probe.result();
        assertThat(up.up()).isTrue();
        assertThat(up.since()).isEqualTo(now);
    }
}
