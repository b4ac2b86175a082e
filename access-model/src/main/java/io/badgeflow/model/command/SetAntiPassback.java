package io.badgeflow.model.command;

import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.Require;
import io.badgeflow.model.presence.AntiPassback;
import java.time.Instant;
import java.util.Arrays;

/**
 * Sets how a building treats a re-entry by someone it believes inside: {@code HARD}, {@code SOFT}, {@code TIMED}
 * (with {@code minutes}, 1 to 1440) or {@code OFF}. The newest setting by {@code occurredAt} wins. The mode is
 * text on the wire so that an unknown one is a field error rather than an unreadable document.
 *
 * @param minutes for TIMED only: how long after the last entry a re-entry is allowed; null for the other modes
 */
public record SetAntiPassback(
        String commandId, String actor, Instant occurredAt, String buildingId, String mode, Integer minutes)
        implements Command {

    /** A day: a longer wait is HARD in all but name. */
    public static final int MAX_MINUTES = 1440;

    public SetAntiPassback {
        commandId = Require.id("commandId", commandId);
        actor = Require.text("actor", actor, 256);
        occurredAt = Require.present("occurredAt", occurredAt);
        buildingId = Require.id("buildingId", buildingId);
        var known = mode(Require.present("mode", mode));
        if (known == AntiPassback.Mode.TIMED) {
            if (minutes == null) {
                throw new InvalidFieldException("minutes", "is required for TIMED");
            }
            if (minutes < 1 || minutes > MAX_MINUTES) {
                throw new InvalidFieldException("minutes", "must be 1-" + MAX_MINUTES + " for TIMED");
            }
        } else if (minutes != null) {
            throw new InvalidFieldException("minutes", "must be left out unless the mode is TIMED");
        }
    }

    /** The setting this command makes. */
    public AntiPassback antiPassback() {
        var known = mode(mode);
        return new AntiPassback(known, known == AntiPassback.Mode.TIMED ? minutes : 0);
    }

    private static AntiPassback.Mode mode(String value) {
        return Arrays.stream(AntiPassback.Mode.values())
                .filter(m -> m.name().equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidFieldException(
                        "mode",
                        "must be one of "
                                + String.join(
                                        ", ",
                                        Arrays.stream(AntiPassback.Mode.values())
                                                .map(Enum::name)
                                                .toList())));
    }
}
