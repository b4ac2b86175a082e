package io.badgeflow.model.command;

import io.badgeflow.model.Require;
import java.time.Instant;

/** Removes an employee's grant for a building. */
public record RevokeAccess(String commandId, String actor, Instant occurredAt, String employeeId, String buildingId)
        implements Command {

    public RevokeAccess {
        commandId = Require.id("commandId", commandId);
        actor = Require.text("actor", actor, 256);
        occurredAt = Require.present("occurredAt", occurredAt);
        employeeId = Require.id("employeeId", employeeId);
        buildingId = Require.id("buildingId", buildingId);
    }
}
