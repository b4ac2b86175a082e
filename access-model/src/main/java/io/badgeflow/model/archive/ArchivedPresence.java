package io.badgeflow.model.archive;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Who was inside a building at a past moment, rebuilt from the archive rather than from the presence table
 * (which only knows now). It reads a bounded window before the moment, {@code lookBack} (24 hours by default),
 * because reading back to the beginning of time is unbounded work; whoever entered before the window and did not
 * pass a door within it is unknown to the answer.
 */
public final class ArchivedPresence {

    public static final Duration DEFAULT_LOOK_BACK = Duration.ofHours(24);

    private final EventArchive archive;
    private final Duration lookBack;

    public ArchivedPresence(EventArchive archive, Duration lookBack) {
        this.archive = Objects.requireNonNull(archive, "archive");
        if (lookBack == null || lookBack.isNegative() || lookBack.isZero()) {
            throw new IllegalArgumentException("the look-back must be positive");
        }
        this.lookBack = lookBack;
    }

    public InsideAtReport insideAt(String buildingId, Instant at) {
        var from = at.minus(lookBack);
        var fold = new PassageFold(buildingId, at);
        // The range is half-open; a passage at exactly `at` counts, as the person passed the door by then.
        archive.read(from, at.plusNanos(1), object -> object.events().forEach(fold::accept));
        return new InsideAtReport(buildingId, at, from, fold.inside(), fold.eventsRead());
    }

    public Duration lookBack() {
        return lookBack;
    }
}
