package io.badgeflow.model.command;

import io.badgeflow.model.Require;
import java.time.Instant;

/** Lets a deactivated employee's cards open doors again. */
public record ReactivateEmployee(String commandId, String actor, Instant occurredAt, String employeeId)
        implements Command {

    public ReactivateEmployee {
        commandId = Require.id("commandId", commandId);
        actor = Require.text("actor", actor, 256);
        occurredAt = Require.present("occurredAt", occurredAt);
        employeeId = Require.id("employeeId", employeeId);
    }
}
