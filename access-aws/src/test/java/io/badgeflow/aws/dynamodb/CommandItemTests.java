package io.badgeflow.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CommandItemTests {

    @Test
    void filesACommandUnderItsUtcSecondWrittenInFullEvenOnTheMinute() {
        assertThat(CommandItem.second(Instant.parse("2026-12-06T11:18:05.731Z")))
                .isEqualTo("2026-12-06T11:18:05");
        // LocalDateTime.toString() would drop ":00" here, and the feed would look in a partition nobody writes.
        assertThat(CommandItem.second(Instant.parse("2026-12-06T11:18:00Z"))).isEqualTo("2026-12-06T11:18:00");
    }
}
