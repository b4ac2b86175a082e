package io.badgeflow.accessstream.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.accessstream.AccessStreamProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitsTests {

    @Test
    void takesTheBurstThenRefusesWithTheWaitForTheNextToken() {
        var limits = new RateLimits(new AccessStreamProperties.Limit(3, 1), 10);
        for (var i = 0; i < 3; i++) {
            limits.admit("door-1");
        }

        assertThatThrownBy(() -> limits.admit("door-1"))
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(1));
        limits.admit("door-2"); // a bucket of its own
    }

    @Test
    void keepsNoMoreBucketsThanItsMaximum() {
        var limits = new RateLimits(new AccessStreamProperties.Limit(1, 1), 100);

        for (var i = 0; i < 10_000; i++) {
            limits.admit("made-up-" + i);
        }

        assertThat(limits.size()).isLessThanOrEqualTo(100);
    }

    @Test
    void roundsRetryAfterUpToWholeSecondsAndNeverZero() {
        assertThat(new RateLimitedException(Duration.ofMillis(1)).retryAfterSeconds())
                .isEqualTo(1);
        assertThat(new RateLimitedException(Duration.ZERO).retryAfterSeconds()).isEqualTo(1);
        assertThat(new RateLimitedException(Duration.ofMillis(2_001)).retryAfterSeconds())
                .isEqualTo(3);
    }
}
