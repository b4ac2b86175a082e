package io.badgeflow.model.onboarding;

import io.badgeflow.model.employee.EmployeeStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A person the back office holds (ACTIVE or INACTIVE, not offboarded) as an HR sync compares them with a file:
 * the personal data, the current card (number and window, when there is one) and the buildings granted. Only
 * what the comparison needs, so a roster of 100,000 people stays small in memory.
 *
 * @param version the employee's stored version when read, recorded in the plan
 */
public record KnownPerson(
        String employeeId,
        String employeeNumber,
        String givenName,
        String familyName,
        String email,
        String department,
        EmployeeStatus status,
        long version,
        String currentCardId,
        String cardNumber,
        Instant cardValidFrom,
        Instant cardValidUntil,
        SortedSet<String> buildings) {

    public KnownPerson {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(employeeNumber, "employeeNumber");
        Objects.requireNonNull(status, "status");
        buildings = buildings == null ? new TreeSet<>() : new TreeSet<>(buildings);
        if (currentCardId == null && cardNumber != null) {
            throw new IllegalArgumentException("a card number goes with a current card");
        }
    }

    public boolean isActive() {
        return status == EmployeeStatus.ACTIVE;
    }
}
