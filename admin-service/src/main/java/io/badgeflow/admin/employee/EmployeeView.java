package io.badgeflow.admin.employee;

import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.employee.EmployeeStatus;
import java.time.Instant;

/** One employee as the back office shows them; personal data is expected here, this is HR's own screen. */
public record EmployeeView(
        String employeeId,
        String employeeNumber,
        String givenName,
        String familyName,
        String email,
        String department,
        EmployeeStatus status,
        String currentCardId,
        Instant registeredAt,
        Instant updatedAt) {

    static EmployeeView of(Employee employee) {
        return new EmployeeView(
                employee.employeeId(),
                employee.employeeNumber(),
                employee.givenName(),
                employee.familyName(),
                employee.email(),
                employee.department(),
                employee.status(),
                employee.currentCardId(),
                employee.registeredAt(),
                employee.updatedAt());
    }
}
