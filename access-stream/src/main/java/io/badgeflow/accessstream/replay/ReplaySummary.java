package io.badgeflow.accessstream.replay;

import java.time.Instant;

/**
 * Where a replay stands: archive objects and events read, and of the events how many the consumer logic recorded
 * for the first time (the swipes table lacked them) and how many it had already.
 */
public record ReplaySummary(
        Instant from, Instant to, long objectsRead, long eventsRead, long appliedFirstTime, long alreadyApplied) {

    ReplaySummary plusObject() {
        return new ReplaySummary(from, to, objectsRead + 1, eventsRead, appliedFirstTime, alreadyApplied);
    }

    ReplaySummary plusEvent(boolean first) {
        return new ReplaySummary(
                from,
                to,
                objectsRead,
                eventsRead + 1,
                appliedFirstTime + (first ? 1 : 0),
                alreadyApplied + (first ? 0 : 1));
    }

    /** One line, the same shape for progress and for the summary. */
    public String line() {
        return "objects read %d, events read %d, applied for the first time %d, already applied %d"
                .formatted(objectsRead, eventsRead, appliedFirstTime, alreadyApplied);
    }
}
