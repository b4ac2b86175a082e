package io.badgeflow.model.command;

import io.badgeflow.model.Require;
import java.time.Instant;

/**
 * Erases an offboarded employee's name, email and department for good; ids, the employee number and the door
 * history stay. Issued by an admin (with the reason they give) or by the retention sweep once an offboarded
 * person's retention has passed. The {@code reason} is kept in the admin audit chain, which is never erased, so
 * it must say why, not whom (the entry names the employee by id).
 */
public record EraseEmployee(String commandId, String actor, Instant occurredAt, String employeeId, String reason)
        implements Command {

    public static final int MAX_REASON_LENGTH = 500;

    public EraseEmployee {
        commandId = Require.id("commandId", commandId);
        actor = Require.text("actor", actor, 256);
        occurredAt = Require.present("occurredAt", occurredAt);
        employeeId = Require.id("employeeId", employeeId);
        reason = Require.text("reason", reason, MAX_REASON_LENGTH);
    }

    @Override
    public String note() {
        return reason;
    }
}
