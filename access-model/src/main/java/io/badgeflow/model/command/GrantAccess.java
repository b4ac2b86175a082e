package io.badgeflow.model.command;

import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.Require;
import io.badgeflow.model.grant.Schedule;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Lets an employee into a building, optionally only on a schedule (in the building's time zone) and between two
 * dates; granting again replaces the grant.
 */
public record GrantAccess(
        String commandId,
        String actor,
        Instant occurredAt,
        String employeeId,
        String buildingId,
        Schedule schedule,
        LocalDate validFrom,
        LocalDate validUntil)
        implements Command {

    public GrantAccess {
        commandId = Require.id("commandId", commandId);
        actor = Require.text("actor", actor, 256);
        occurredAt = Require.present("occurredAt", occurredAt);
        employeeId = Require.id("employeeId", employeeId);
        buildingId = Require.id("buildingId", buildingId);
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            throw new InvalidFieldException("validUntil", "must not be before validFrom");
        }
    }
}
