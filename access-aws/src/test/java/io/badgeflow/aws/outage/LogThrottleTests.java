package io.badgeflow.aws.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LogThrottleTests {

    @Test
    void letsTheFirstLineThroughAndCountsTheRepeatsUntilThePeriodHasPassed() throws Exception {
        var throttle = new LogThrottle(Duration.ofMillis(200));
        assertThat(throttle.due()).isZero();
        assertThat(throttle.due()).isEqualTo(-1);
        assertThat(throttle.due()).isEqualTo(-1);
        Thread.sleep(250); // the period itself is what is under test
        assertThat(throttle.due()).isEqualTo(2);
    }
}
