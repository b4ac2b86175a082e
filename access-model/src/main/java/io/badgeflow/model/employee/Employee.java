package io.badgeflow.model.employee;

import io.badgeflow.model.command.RegisterEmployee;
import java.time.Instant;
import java.util.Objects;

/**
 * A person the back office manages. The personal data lives here and in the back-office tables only; events
 * and stream records carry {@code employeeId} alone.
 */
public record Employee(
        String employeeId,
        String employeeNumber,
        String givenName,
        String familyName,
        String email,
        String department,
        EmployeeStatus status,
        Instant registeredAt,
        String registeredBy) {

    public Employee {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(registeredBy, "registeredBy");
    }

    /** The employee a registration creates; {@code registeredBy} is the command id, to recognise redelivery. */
    public static Employee registered(RegisterEmployee command) {
        return new Employee(command.employeeId(), command.employeeNumber(), command.givenName(),
                command.familyName(), command.email(), command.department(), EmployeeStatus.ACTIVE,
                command.occurredAt(), command.commandId());
    }
}
