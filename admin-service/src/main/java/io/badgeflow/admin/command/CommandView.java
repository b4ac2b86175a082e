package io.badgeflow.admin.command;

import io.badgeflow.model.command.CommandRecord;
import io.badgeflow.model.command.CommandStatus;
import java.time.Instant;

/**
 * The API's view of one command: where it stands and, when REJECTED, the reason code a program can act on and a
 * message a person can read.
 */
public record CommandView(
        String commandId,
        String type,
        CommandStatus status,
        String reason,
        String message,
        String employeeId,
        String subjectId,
        Instant finishedAt) {

    public static CommandView of(CommandRecord record) {
        return new CommandView(
                record.commandId(),
                record.type(),
                record.status(),
                record.reason() == null ? null : record.reason().name(),
                record.message(),
                record.employeeId(),
                record.subjectId(),
                record.finishedAt());
    }

    static CommandView pending(String commandId) {
        return new CommandView(commandId, null, CommandStatus.PENDING, null, null, null, null, null);
    }
}
