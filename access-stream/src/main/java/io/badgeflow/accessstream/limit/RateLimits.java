package io.badgeflow.accessstream.limit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.badgeflow.accessstream.AccessStreamProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/**
 * One Bucket4j token bucket per key (a door, a client address), kept in a bounded Caffeine cache so made-up keys
 * cost bounded memory. A bucket idle for as long as it takes to fill up again is dropped: a new one starts full,
 * which is exactly what the old one would have been. Evicting a busy bucket under a flood of new keys only makes
 * its key's limit more lenient for a moment, never stricter.
 */
final class RateLimits {

    private final Bandwidth bandwidth;
    private final Cache<String, Bucket> buckets;

    RateLimits(AccessStreamProperties.Limit limit, long maxBuckets) {
        this.bandwidth = Bandwidth.builder()
                .capacity(limit.burst())
                .refillGreedy(limit.perSecond(), Duration.ofSeconds(1))
                .build();
        var refillSeconds = (limit.burst() + limit.perSecond() - 1) / limit.perSecond();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxBuckets)
                .expireAfterAccess(Duration.ofSeconds(refillSeconds + 1))
                .build();
    }

    /** Takes one token of {@code key}'s bucket, or tells how long until one is there. */
    void admit(String key) {
        var probe = bucket(key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RateLimitedException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** Takes {@code tokens} of {@code key}'s bucket at once, into debt if need be (Bucket4j lets a bucket owe). */
    void spend(String key, long tokens) {
        bucket(key).consumeIgnoringRateLimits(tokens);
    }

    private Bucket bucket(String key) {
        return buckets.get(key, any -> Bucket.builder().addLimit(bandwidth).build());
    }

    /** How many buckets are kept now; never above the maximum. */
    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
