package io.badgeflow.accessstream.limit;

import io.badgeflow.accessstream.AccessStreamProperties;
import io.badgeflow.model.door.Door;
import org.springframework.stereotype.Component;

/**
 * The per-door limit of the door API ({@code badgeflow.access-stream.door-api.per-door}). Asked only once a door
 * has proved its key, so only a holder of the key can spend a door's tokens, and made-up door ids never get a
 * bucket.
 */
@Component
public final class DoorRateLimit {

    private final RateLimits limits;

    public DoorRateLimit(AccessStreamProperties properties) {
        var settings = properties.doorApi();
        this.limits = new RateLimits(settings.perDoor(), settings.maxBuckets());
    }

    /**
     * @throws RateLimitedException the door is over its rate
     */
    public void admit(Door door) {
        limits.admit(door.doorId());
    }

    /**
     * Spends {@code requests} of the door's tokens at once, as a reader stuck in a loop would, leaving the door over
     * its rate until they are refilled. Public for tests, which need the door limited without racing the refill.
     */
    public void spend(Door door, long requests) {
        limits.spend(door.doorId(), requests);
    }

    /** How many doors have a bucket now. */
    public long buckets() {
        return limits.size();
    }
}
