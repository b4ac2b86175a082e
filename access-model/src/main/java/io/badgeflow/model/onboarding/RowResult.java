package io.badgeflow.model.onboarding;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.badgeflow.model.command.CommandStatus;
import java.util.Objects;

/**
 * What became of one plan row: what the plan meant to do ({@code action}), and whether it was APPLIED or REJECTED
 * with the reason code and message of the command that failed (or of the row itself when the plan rejected it),
 * and whom the row names (number and name as in the file). An UNCHANGED row is APPLIED: there was nothing to do.
 */
public record RowResult(
        int rowNumber,
        PlanAction action,
        CommandStatus status,
        String reason,
        String message,
        String employeeId,
        String employeeNumber,
        String givenName,
        String familyName) {

    public RowResult {
        Objects.requireNonNull(status, "status");
        if (status == CommandStatus.PENDING) {
            throw new IllegalArgumentException("a row result is final");
        }
        if ((status == CommandStatus.REJECTED) != (reason != null)) {
            throw new IllegalArgumentException("a reason goes with REJECTED and only with it");
        }
    }

    public static RowResult applied(int rowNumber, PlanAction action, String employeeId, RowPerson person) {
        return new RowResult(
                rowNumber,
                action,
                CommandStatus.APPLIED,
                null,
                null,
                employeeId,
                person.employeeNumber(),
                person.givenName(),
                person.familyName());
    }

    public static RowResult rejected(
            int rowNumber, PlanAction action, String reason, String message, RowPerson person) {
        return new RowResult(
                rowNumber,
                action,
                CommandStatus.REJECTED,
                reason,
                message,
                null,
                person.employeeNumber(),
                person.givenName(),
                person.familyName());
    }

    @JsonIgnore
    public boolean isApplied() {
        return status == CommandStatus.APPLIED;
    }
}
