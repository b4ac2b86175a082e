package io.badgeflow.model.command;

import io.badgeflow.model.Require;
import java.time.Instant;

/** Replaces an employee's personal data; the newest update (by {@code occurredAt}) wins when two cross. */
public record UpdateEmployee(
        String commandId,
        String actor,
        Instant occurredAt,
        String employeeId,
        String employeeNumber,
        String givenName,
        String familyName,
        String email,
        String department)
        implements Command {

    public UpdateEmployee {
        commandId = Require.id("commandId", commandId);
        actor = Require.text("actor", actor, 256);
        occurredAt = Require.present("occurredAt", occurredAt);
        employeeId = Require.id("employeeId", employeeId);
        employeeNumber = Require.text("employeeNumber", employeeNumber, 64);
        givenName = Require.text("givenName", givenName, 128);
        familyName = Require.text("familyName", familyName, 128);
        email = Require.email("email", email);
        department = Require.optionalText("department", department, 128);
    }
}
