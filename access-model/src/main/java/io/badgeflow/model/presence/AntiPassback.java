package io.badgeflow.model.presence;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A building's anti-passback setting, across all its doors: whether someone the system believes inside may
 * enter again before they have been seen leaving.
 *
 * @param minutes for {@link Mode#TIMED}, how long after the last entry a re-entry is allowed; 0 otherwise
 */
public record AntiPassback(Mode mode, int minutes) {

    /** What a building does with a re-entry while the person is inside. */
    public enum Mode {
        /** Deny it. */
        HARD,
        /** Allow it and raise an alarm. */
        SOFT,
        /** Deny it until {@code minutes} after the last entry, allow it afterwards. */
        TIMED,
        /** Do not look at presence at all. */
        OFF
    }

    /** What the setting says about one entry. */
    public enum Verdict {
        /** Not a re-entry, or one the mode allows without a word. */
        PASS,
        /** A re-entry the mode allows but reports. */
        ALARM,
        /** A re-entry the mode refuses. */
        DENY
    }

    public AntiPassback {
        Objects.requireNonNull(mode, "mode");
        if (mode == Mode.TIMED && minutes < 1) {
            throw new IllegalArgumentException("TIMED anti-passback needs at least one minute");
        }
        if (mode != Mode.TIMED && minutes != 0) {
            throw new IllegalArgumentException(mode + " anti-passback has no minutes");
        }
    }

    public static AntiPassback hard() {
        return new AntiPassback(Mode.HARD, 0);
    }

    public static AntiPassback soft() {
        return new AntiPassback(Mode.SOFT, 0);
    }

    public static AntiPassback timed(int minutes) {
        return new AntiPassback(Mode.TIMED, minutes);
    }

    public static AntiPassback off() {
        return new AntiPassback(Mode.OFF, 0);
    }

    /** Judges an entry at {@code at} by someone whose presence in the building is {@code presence}. */
    public Verdict judge(Presence presence, Instant at) {
        if (mode == Mode.OFF || !presence.inside()) {
            return Verdict.PASS;
        }
        return switch (mode) {
            case HARD -> Verdict.DENY;
            case SOFT -> Verdict.ALARM;
            case TIMED -> at.isBefore(presence.since().plus(Duration.ofMinutes(minutes))) ? Verdict.DENY : Verdict.PASS;
            case OFF -> Verdict.PASS;
        };
    }
}
