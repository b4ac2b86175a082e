package io.badgeflow.model.audit;

import io.badgeflow.model.command.CommandRecord;
import io.badgeflow.model.command.CommandStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One finished command as the admin audit trail keeps it: who ({@code actor}), what ({@code commandType} on
 * {@code subjectId}), when ({@code finishedAt}) and the result ({@code status}, {@code reason}): a REJECTED
 * entry's reason is its rejection code, an APPLIED one's the note its issuer gave, if any (an erasure's reason,
 * {@link io.badgeflow.model.command.Command#note()}). Type and actor
 * are null when the document could not be read. {@code finishedAt} is kept to the millisecond, because the
 * chain's hash covers it as epoch milliseconds (see {@link AuditChain}).
 */
public record AuditEntry(
        String commandId,
        String commandType,
        String actor,
        CommandStatus status,
        String reason,
        String subjectId,
        Instant finishedAt) {

    public AuditEntry {
        if (commandId == null || commandId.isBlank()) {
            throw new IllegalArgumentException("commandId must not be blank");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (status == CommandStatus.PENDING) {
            throw new IllegalArgumentException("the audit trail records finished commands only");
        }
        if (status == CommandStatus.REJECTED && reason == null) {
            throw new IllegalArgumentException("a REJECTED entry has a reason");
        }
        finishedAt = finishedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The entry for a finished command, about its card, building or door if it had one, else its employee. */
    public static AuditEntry of(CommandRecord record) {
        return of(record, record.subjectId() != null ? record.subjectId() : record.employeeId());
    }

    /** The entry for a finished command; {@code subjectId} is the employee, card, building or door it was about. */
    public static AuditEntry of(CommandRecord record, String subjectId) {
        return new AuditEntry(
                record.commandId(),
                record.type(),
                record.actor(),
                record.status(),
                record.reason() != null ? record.reason().name() : record.message(),
                subjectId,
                record.finishedAt());
    }
}
