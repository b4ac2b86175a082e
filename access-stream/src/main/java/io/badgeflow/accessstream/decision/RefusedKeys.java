package io.badgeflow.accessstream.decision;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.badgeflow.accessstream.AccessStreamProperties;
import io.badgeflow.model.door.DeviceKeyHash;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The (door, key hash) pairs a door refused a moment ago, so the same wrong key is refused again without a store
 * call (a wrong key costs a consistent read of the door and a query of the key index). Bounded: at most {@code
 * decisions.max-refusals} pairs, each for at most {@code decisions.refusal-ttl} (10 s by default). A key that
 * becomes valid (RotateDoorKey) is let in again as soon as the command feed sees the rotation, about one feed
 * interval (250 ms) after it is APPLIED, and after refusal-ttl at the latest if the feed missed it.
 */
public final class RefusedKeys {

    private final Cache<RefusedKey, Refusal> refused;
    /**
     * Moves on whenever door memory is forgotten, so a refusal decided on a read from before a forget (a request
     * that read the old key while the rotation was being applied) is not remembered after it.
     */
    private final AtomicLong generation = new AtomicLong();

    public RefusedKeys(AccessStreamProperties.Decisions settings) {
        this.refused = Caffeine.newBuilder()
                .maximumSize(settings.maxRefusals())
                .expireAfterWrite(settings.refusalTtl())
                .build();
    }

    /** Where the memory stands now: hand it back to {@link #remember} with a refusal decided from here on. */
    long generation() {
        return generation.get();
    }

    /** How the door refused this key a moment ago, if it did and nothing about the door changed since. */
    Optional<Refusal> refusal(String doorId, DeviceKeyHash key) {
        return Optional.ofNullable(refused.getIfPresent(new RefusedKey(doorId, key)));
    }

    /**
     * Remembers that the door refused this key, unless door memory was forgotten since {@code decidedAt} (the
     * refusal may rest on a key rotated away meanwhile).
     */
    void remember(String doorId, DeviceKeyHash key, Refusal refusal, long decidedAt) {
        var pair = new RefusedKey(doorId, key);
        refused.put(pair, refusal);
        if (generation.get() != decidedAt) {
            refused.invalidate(pair);
        }
    }

    /** Forgets every key refused at this door: a command named it (its key may have been rotated). */
    void forgetDoor(String doorId) {
        generation.incrementAndGet();
        // A scan of at most max-refusals small entries, once per finished command that names a subject.
        refused.asMap().keySet().removeIf(pair -> pair.doorId().equals(doorId));
    }

    void forgetAll() {
        generation.incrementAndGet();
        refused.invalidateAll();
    }

    /** How many pairs are remembered now; never above max-refusals. */
    long size() {
        refused.cleanUp();
        return refused.estimatedSize();
    }

    /** Why a door refused a key: unknown door or key (401), or the key of another door (403). */
    enum Refusal {
        UNKNOWN_DEVICE,
        WRONG_DOOR
    }

    private record RefusedKey(String doorId, DeviceKeyHash key) {}
}
