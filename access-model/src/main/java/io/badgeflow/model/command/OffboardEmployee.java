package io.badgeflow.model.command;

import io.badgeflow.model.Require;
import java.time.Instant;

/** Ends employment for good: every card of the employee is revoked and every grant removed, in one transaction. */
public record OffboardEmployee(String commandId, String actor, Instant occurredAt, String employeeId)
        implements Command {

    public OffboardEmployee {
        commandId = Require.id("commandId", commandId);
        actor = Require.text("actor", actor, 256);
        occurredAt = Require.present("occurredAt", occurredAt);
        employeeId = Require.id("employeeId", employeeId);
    }
}
