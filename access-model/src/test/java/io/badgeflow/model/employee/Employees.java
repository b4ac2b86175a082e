package io.badgeflow.model.employee;

import java.time.Instant;
import java.util.List;

/** Test-data builder for employees: {@code Employees.active().holding("card-1").build()}. */
public final class Employees {

    private static final Instant REGISTERED = Instant.parse("2026-11-01T09:00:00Z");

    private String employeeId = "emp-1";
    private EmployeeStatus status = EmployeeStatus.ACTIVE;
    private String currentCardId;
    private List<String> cardIds = List.of();
    private Instant updatedAt = REGISTERED;
    private Affiliation affiliation = Affiliation.EMPLOYEE;

    private Employees() {}

    public static Employees active() {
        return new Employees();
    }

    public static Employees in(EmployeeStatus status) {
        return new Employees().status(status);
    }

    /** Another employee than the default {@code emp-1}. */
    public Employees id(String value) {
        employeeId = value;
        return this;
    }

    public Employees status(EmployeeStatus value) {
        status = value;
        return this;
    }

    public Employees holding(String cardId) {
        currentCardId = cardId;
        cardIds = List.of(cardId);
        return this;
    }

    public Employees updatedAt(Instant value) {
        updatedAt = value;
        return this;
    }

    /** A visitor or contractor instead of an employee. */
    public Employees as(Affiliation value) {
        affiliation = value;
        return this;
    }

    public Employee build() {
        return new Employee(
                employeeId,
                "E-1001",
                "Ada",
                "Lovelace",
                "ada@example.com",
                "Engineering",
                status,
                currentCardId,
                cardIds,
                REGISTERED,
                "cmd-0",
                updatedAt,
                2,
                affiliation);
    }
}
