package io.badgeflow.model.offline;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the service knows of one door's offline allow-list: the version the door last said it holds (every request
 * carries it), and when a fetch last confirmed the door's list current. The list's age is the time since that
 * confirmation: a list unchanged for a week but confirmed a minute ago is fresh; one not confirmed for an hour is
 * stale, whatever it holds, since revocations since then may be missing at the door.
 *
 * @param heldVersion the version the door reported last (0 when it reported none)
 * @param reportedAt when it last reported one (null if never)
 * @param confirmedAt when the door last fetched its list and was given the then current version (null if never)
 */
public record DoorListStatus(String doorId, long heldVersion, Instant reportedAt, Instant confirmedAt) {

    public DoorListStatus {
        Objects.requireNonNull(doorId, "doorId");
        if (heldVersion < 0) {
            throw new IllegalArgumentException("a version is not negative");
        }
    }

    /** The time since the door's list was last confirmed current; empty for a door that never fetched one. */
    public java.util.Optional<Duration> age(Instant now) {
        return java.util.Optional.ofNullable(confirmedAt).map(at -> Duration.between(at, now));
    }

    /** Whether the door has a list whose confirmation is older than {@code limit}. */
    public boolean isStale(Instant now, Duration limit) {
        return confirmedAt != null && confirmedAt.plus(limit).isBefore(now);
    }

    /** The newer of this and {@code other} in each field: what two instances' knowledge of one door adds up to. */
    public DoorListStatus merge(DoorListStatus other) {
        if (other == null) {
            return this;
        }
        var reported = latest(reportedAt, other.reportedAt);
        var version = reported == reportedAt ? heldVersion : other.heldVersion;
        return new DoorListStatus(doorId, version, reported, latest(confirmedAt, other.confirmedAt));
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isAfter(a) ? a : b;
    }
}
