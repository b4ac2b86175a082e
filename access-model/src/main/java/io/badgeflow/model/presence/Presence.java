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
 * @param lastEventId the event of the last passage; the same event applied again changes nothing
 * @param version 0 for a presence never stored, then 1, 2, ...
 */
public record Presence(
        String employeeId,
        String buildingId,
        boolean inside,
        String lastDoorId,
        Instant since,
        String lastEventId,
        long version) {

    public Presence {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(buildingId, "buildingId");
        if (version < 0) {
            throw new IllegalArgumentException("version is 0 (never stored) or more");
        }
        if (inside && (lastDoorId == null || since == null || lastEventId == null)) {
            throw new IllegalArgumentException("an employee inside came through a door at some moment, by an event");
        }
    }

    /** The presence of someone never seen in the building: outside, version 0 (a write expects no item). */
    public static Presence unknown(String employeeId, String buildingId) {
        return new Presence(employeeId, buildingId, false, null, null, null, 0);
    }

    /**
     * Inside since {@code at}, through {@code doorId}, by event {@code eventId}. A passage older than the one
     * recorded changes nothing (returns this presence, so there is nothing to write): the stream does not promise
     * order across exits put by readers and entries decided at the API, and the newer passage is the truth. The
     * recorded passage itself, delivered again, changes nothing either.
     */
    public Presence entered(String eventId, String doorId, Instant at) {
        return passed(true, eventId, doorId, at);
    }

    /** Outside since {@code at}; an older passage, or the recorded one again, changes nothing. */
    public Presence left(String eventId, String doorId, Instant at) {
        return passed(false, eventId, doorId, at);
    }

    /** Whether {@code eventId} is the passage this presence records. */
    public boolean records(String eventId) {
        return eventId != null && eventId.equals(lastEventId);
    }

    /** Whether this presence differs from {@code read}, i.e. something is to be written. */
    public boolean isNewerThan(Presence read) {
        return version > read.version;
    }

    private Presence passed(boolean nowInside, String eventId, String doorId, Instant at) {
        Require.id("eventId", eventId);
        Require.id("doorId", doorId);
        Objects.requireNonNull(at, "at");
        if (records(eventId) || since != null && at.isBefore(since)) {
            return this;
        }
        return new Presence(employeeId, buildingId, nowInside, doorId, at, eventId, version + 1);
    }
}
