package io.badgeflow.model.access;

import io.badgeflow.model.card.Card;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.grant.AccessGrant;
import java.util.List;
import java.util.Objects;

/**
 * An employee as a "who can enter" question sees them: with their current card (null if none) and their
 * grants, as the back office lists them.
 */
public record Candidate(Employee employee, Card card, List<AccessGrant> grants) {

    public Candidate {
        Objects.requireNonNull(employee, "employee");
        grants = List.copyOf(grants == null ? List.of() : grants);
    }

    public String employeeId() {
        return employee.employeeId();
    }
}
