package io.badgeflow.model.command;

import java.time.Instant;
import java.util.Objects;

/**
 * What the command log keeps of one finished command: enough for {@code GET /api/v1/commands/{id}} and for
 * recognising a redelivery. {@code type} and {@code actor} may be unknown when the document could not be read.
 */
public record CommandRecord(
        String commandId,
        String type,
        String actor,
        CommandStatus status,
        RejectionReason reason,
        String message,
        String documentKey,
        Instant finishedAt) {

    public CommandRecord {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (status == CommandStatus.PENDING) {
            throw new IllegalArgumentException("the log keeps finished commands only");
        }
        if ((status == CommandStatus.REJECTED) != (reason != null)) {
            throw new IllegalArgumentException("a reason goes with REJECTED and only with it");
        }
    }

    public static CommandRecord of(Command command, CommandOutcome outcome, String documentKey, Instant finishedAt) {
        return switch (outcome) {
            case CommandOutcome.Applied applied -> new CommandRecord(command.commandId(), command.type(),
                    command.actor(), CommandStatus.APPLIED, null, null, documentKey, finishedAt);
            case CommandOutcome.Rejected rejected -> new CommandRecord(command.commandId(), command.type(),
                    command.actor(), CommandStatus.REJECTED, rejected.reason(), rejected.message(), documentKey,
                    finishedAt);
        };
    }

    /** A document that could not be read as a command: rejected for good, the raw document stays where it was. */
    public static CommandRecord unreadable(String commandId, RejectionReason reason, String message,
            String documentKey, Instant finishedAt) {
        return new CommandRecord(commandId, null, null, CommandStatus.REJECTED, reason, message, documentKey,
                finishedAt);
    }
}
