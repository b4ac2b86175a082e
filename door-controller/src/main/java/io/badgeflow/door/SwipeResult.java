package io.badgeflow.door;

import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.Outcome;
import java.time.Instant;

/**
 * What the controller did with a swipe: open or not, why, and whether the decision API answered or the door
 * decided from its allow-list ({@code offline}, then also the list's version; 0 without a list).
 */
public record SwipeResult(
        String eventId,
        Outcome decision,
        DecisionReason reason,
        String rule,
        boolean offline,
        long allowListVersion,
        Instant occurredAt) {

    public boolean granted() {
        return decision == Outcome.GRANTED;
    }
}
