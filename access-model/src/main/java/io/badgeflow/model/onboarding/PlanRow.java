package io.badgeflow.model.onboarding;

import java.util.List;
import java.util.Objects;

/**
 * One line of an HR sync plan: what will happen to one person, named by employee number and name.
 *
 * @param rowNumber the file's row (1 = the first after the header); 0 for an offboarding, whose person is not in the
 *     file
 * @param employeeId the existing employee, or the id a CREATE will give the new one; null for a rejected row
 * @param changes for an UPDATE, each field that changes with its old and new value; for a CREATE the fields set
 * @param reason for REJECTED, the code ({@code INVALID_FIELD}, {@code DUPLICATE_EMPLOYEE_NUMBER}, ...)
 * @param message for REJECTED, what is wrong and what to do
 * @param target the row as read, which CREATE and UPDATE apply; null otherwise
 * @param known the person as stored when the plan was made, which UPDATE and OFFBOARD start from; null otherwise
 */
public record PlanRow(
        int rowNumber,
        PlanAction action,
        String employeeNumber,
        String givenName,
        String familyName,
        String employeeId,
        List<FieldChange> changes,
        String reason,
        String message,
        OnboardingRow target,
        KnownPerson known) {

    public PlanRow {
        Objects.requireNonNull(action, "action");
        changes = changes == null ? List.of() : List.copyOf(changes);
        if ((action == PlanAction.REJECTED) != (reason != null)) {
            throw new IllegalArgumentException("a reason goes with REJECTED and only with it");
        }
        if ((action == PlanAction.CREATE || action == PlanAction.UPDATE) && target == null) {
            throw new IllegalArgumentException(action + " needs the row it applies");
        }
        if ((action == PlanAction.UPDATE || action == PlanAction.OFFBOARD) && known == null) {
            throw new IllegalArgumentException(action + " needs the person it starts from");
        }
    }

    /** Whether applying the plan runs commands for this row. */
    public boolean isActionable() {
        return action == PlanAction.CREATE || action == PlanAction.UPDATE || action == PlanAction.OFFBOARD;
    }

    public RowPerson person() {
        return new RowPerson(employeeNumber, givenName, familyName);
    }

    /** The fields it changes, as the plan's report shows them: {@code email: a@x -> b@x; department: ...}. */
    public String changeText() {
        return String.join("; ", changes.stream().map(FieldChange::toString).toList());
    }
}
