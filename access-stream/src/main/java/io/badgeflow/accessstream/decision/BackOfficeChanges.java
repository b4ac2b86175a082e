package io.badgeflow.accessstream.decision;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells what is made from the back office's records (the doors' offline allow-lists) that the command feed
 * changed something: a counter that grows with every finished command the decision path forgets, and when that
 * last happened. Whoever holds a result made at one count makes it again at another.
 */
public final class BackOfficeChanges {

    private final AtomicLong generation = new AtomicLong();
    private volatile Instant lastChangeAt = Instant.EPOCH;

    /** Grows by one with every change seen; equal counts mean nothing changed in between. */
    public long generation() {
        return generation.get();
    }

    /** When the last change was seen (the epoch if none was). */
    public Instant lastChangeAt() {
        return lastChangeAt;
    }

    void changed(Instant at) {
        lastChangeAt = at;
        generation.incrementAndGet();
    }
}
