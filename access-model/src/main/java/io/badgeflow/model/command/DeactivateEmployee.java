package io.badgeflow.model.command;

import io.badgeflow.model.Require;
import java.time.Instant;

/** Suspends an employee's access (leave, investigation); their cards stay linked and open no door until reactivated. */
public record DeactivateEmployee(String commandId, String actor, Instant occurredAt, String employeeId)
        implements Command {

    public DeactivateEmployee {
        commandId = Require.id("commandId", commandId);
        actor = Require.text("actor", actor, 256);
        occurredAt = Require.present("occurredAt", occurredAt);
        employeeId = Require.id("employeeId", employeeId);
    }
}
