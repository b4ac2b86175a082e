package io.badgeflow.model.alarm;

import io.badgeflow.model.Require;
import java.time.Instant;
import java.util.Objects;

/**
 * What operators did about one alarm: who acknowledged and resolved it, when, and their notes. The transitions
 * only move forward (OPEN -> ACKNOWLEDGED -> RESOLVED, or OPEN -> RESOLVED, which acknowledges it at the same
 * moment), so a stored state can be replaced by the result of a transition under a condition on the status it was
 * read in, and nothing a late redelivery of the raise writes can move it back (the raise only creates rows).
 */
public record AlarmHandling(
        AlarmStatus status,
        String acknowledgedBy,
        Instant acknowledgedAt,
        String acknowledgeNote,
        String resolvedBy,
        Instant resolvedAt,
        String resolveNote) {

    /** Notes are for a sentence or two, not a report. */
    public static final int MAX_NOTE = 500;

    public static final AlarmHandling OPEN = new AlarmHandling(AlarmStatus.OPEN, null, null, null, null, null, null);

    public AlarmHandling {
        Objects.requireNonNull(status, "status");
        if ((status != AlarmStatus.OPEN) != (acknowledgedBy != null && acknowledgedAt != null)) {
            throw new IllegalArgumentException("an acknowledged or resolved alarm says who acknowledged it and when");
        }
        if ((status == AlarmStatus.RESOLVED) != (resolvedBy != null && resolvedAt != null)) {
            throw new IllegalArgumentException("a resolved alarm says who resolved it and when, and only it");
        }
    }

    /** Someone is on it. Refused once acknowledged or resolved: the first to acknowledge is the one named. */
    public AlarmHandling acknowledge(String alarmId, String actor, Instant at, String note) {
        if (status != AlarmStatus.OPEN) {
            throw new AlarmTransitionRefusedException(alarmId, status, "acknowledge");
        }
        return new AlarmHandling(AlarmStatus.ACKNOWLEDGED, actor(actor), present(at), note(note), null, null, null);
    }

    /** Dealt with. An open alarm resolved directly counts as acknowledged by the same person at the same time. */
    public AlarmHandling resolve(String alarmId, String actor, Instant at, String note) {
        if (status == AlarmStatus.RESOLVED) {
            throw new AlarmTransitionRefusedException(alarmId, status, "resolve");
        }
        var by = actor(actor);
        var when = present(at);
        return status == AlarmStatus.OPEN
                ? new AlarmHandling(AlarmStatus.RESOLVED, by, when, null, by, when, note(note))
                : new AlarmHandling(
                        AlarmStatus.RESOLVED, acknowledgedBy, acknowledgedAt, acknowledgeNote, by, when, note(note));
    }

    private static String actor(String actor) {
        return Require.text("actor", actor, 200);
    }

    private static Instant present(Instant at) {
        return Require.present("at", at);
    }

    private static String note(String note) {
        return Require.optionalText("note", note, MAX_NOTE);
    }
}
