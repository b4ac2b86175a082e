package io.badgeflow.model.command;

import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.Require;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Registers a building under a short code chosen by the back office (for example {@code HQ-LON}); the code is its
 * id, used by imports and grants.
 */
public record RegisterBuilding(
        String commandId, String actor, Instant occurredAt, String buildingId, String name, String timeZone)
        implements Command {

    public RegisterBuilding {
        commandId = Require.id("commandId", commandId);
        actor = Require.text("actor", actor, 256);
        occurredAt = Require.present("occurredAt", occurredAt);
        buildingId = Require.id("buildingId", buildingId);
        name = Require.text("name", name, 128);
        timeZone = Require.text("timeZone", timeZone, 64);
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new InvalidFieldException("timeZone", "must be an IANA time zone such as Europe/London");
        }
    }
}
