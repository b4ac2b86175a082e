package io.badgeflow.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.SwipeRecorded;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SwipeItemTests {

    @Test
    void sortsADoorsSwipesByTimeWhateverTheirFractionDigits() {
        var whole = swipe(Instant.parse("2026-11-24T08:00:00Z"));
        var half = swipe(Instant.parse("2026-11-24T08:00:00.5Z"));

        assertThat(SwipeItem.sortKey(whole)).isLessThan(SwipeItem.sortKey(half));
        assertThat(SwipeItem.sortKey(whole)).startsWith("2026-11-24T08:00:00.000000000Z#");
    }

    private static SwipeRecorded swipe(Instant at) {
        return new SwipeRecorded("evt-1", "door-1", "HQ", "0042", Direction.IN, at, at);
    }
}
