package io.badgeflow.model.onboarding;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.badgeflow.model.command.CommandStatus;
import java.util.Objects;

/**
 * What became of one row: APPLIED, or REJECTED with the reason code and message of the command that failed
 * (or of the row itself when it could not be read), and whom the row names (number and name as in the file).
 */
public record RowResult(
        int rowNumber,
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

    public static RowResult applied(int rowNumber, String employeeId, RowPerson person) {
        return new RowResult(
                rowNumber,
                CommandStatus.APPLIED,
                null,
                null,
                employeeId,
                person.employeeNumber(),
                person.givenName(),
                person.familyName());
    }

    public static RowResult rejected(int rowNumber, String reason, String message, RowPerson person) {
        return new RowResult(
                rowNumber,
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
