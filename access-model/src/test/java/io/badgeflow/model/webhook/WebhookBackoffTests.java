package io.badgeflow.model.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookBackoffTests {

    private final WebhookBackoff backoff = new WebhookBackoff(Duration.ofSeconds(30), Duration.ofHours(1), 8);

    @Test
    void doublesTheDelayAfterEachFailure() {
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.delayAfter(7)).isEqualTo(Duration.ofMinutes(32));
    }

    @Test
    void neverWaitsLongerThanTheMaximum() {
        assertThat(backoff.delayAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.delayAfter(60)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theLastAttemptIsTheConfiguredOne() {
        assertThat(backoff.lastAttempt(7)).isFalse();
        assertThat(backoff.lastAttempt(8)).isTrue();
    }

    @Test
    void refusesAMaximumSqsCannotWait() {
        assertThatThrownBy(() -> new WebhookBackoff(Duration.ofSeconds(1), Duration.ofHours(13), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
