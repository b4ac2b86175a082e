package io.badgeflow.admin.employee;

import io.badgeflow.model.employee.Affiliation;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.employee.EmployeeStatus;
import java.time.Instant;
import java.time.LocalDate;

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
        Instant updatedAt,
        AffiliationView affiliation) {

    /**
     * Employee, visitor or contractor: the company, the host (a visitor's), and the days (a contractor's last day is
     * the end date); only {@code kind} for an employee.
     */
    public record AffiliationView(
            Affiliation.Kind kind, String company, String hostEmployeeId, LocalDate validFrom, LocalDate validUntil) {

        public static AffiliationView of(Affiliation affiliation) {
            return new AffiliationView(
                    affiliation.kind(),
                    affiliation.company(),
                    affiliation.hostEmployeeId(),
                    affiliation.validFrom(),
                    affiliation.validUntil());
        }
    }

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
                employee.updatedAt(),
                AffiliationView.of(employee.affiliation()));
    }
}
