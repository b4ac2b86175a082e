package io.badgeflow.model.presence;

import io.badgeflow.model.Require;
import java.time.Instant;
import java.util.Objects;

/**
 * Whether one employee is inside one building, with the door and time of their last passage. {@code version}
 * grows by one with every stored change, so a store writes the next presence only if the version it read is
 * still there: of two entries racing at two doors of one building, one write wins and the other is decided
 * again on the presence the winner left (and, under anti-passback, denied).
 *
 * @param lastDoorId the door of the last entry or exit; null before the first
 * @param since when the employee entered (inside) or left (outside); null before the first passage
 * @param version 0 for a presence never stored, then 1, 2, ...
 */
public record Presence(String employeeId, String buildingId, boolean inside, String lastDoorId, Instant since,
        long version) {

    public Presence {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(buildingId, "buildingId");
        if (version < 0) {
            throw new IllegalArgumentException("version is 0 (never stored) or more");
        }
        if (inside && (lastDoorId == null || since == null)) {
            throw new IllegalArgumentException("an employee inside came through a door at some moment");
        }
    }

    /** The presence of someone never seen in the building: outside, version 0 (a write expects no item). */
    public static Presence unknown(String employeeId, String buildingId) {
        return new Presence(employeeId, buildingId, false, null, null, 0);
    }

    /**
     * Inside since {@code at}, through {@code doorId}. A passage older than the one recorded changes nothing
     * (returns this presence, so there is nothing to write): the stream does not promise order across exits put
     * by readers and entries decided at the API, and the newer passage is the truth.
     */
    public Presence entered(String doorId, Instant at) {
        return passed(true, doorId, at);
    }

    /** Outside since {@code at}, through {@code doorId}; an older passage than the recorded one changes nothing. */
    public Presence left(String doorId, Instant at) {
        return passed(false, doorId, at);
    }

    /** Whether this presence differs from {@code read}, i.e. something is to be written. */
    public boolean isNewerThan(Presence read) {
        return version > read.version;
    }

    private Presence passed(boolean nowInside, String doorId, Instant at) {
        Require.id("doorId", doorId);
        Objects.requireNonNull(at, "at");
        if (since != null && at.isBefore(since)) {
            return this;
        }
        return new Presence(employeeId, buildingId, nowInside, doorId, at, version + 1);
    }
}
