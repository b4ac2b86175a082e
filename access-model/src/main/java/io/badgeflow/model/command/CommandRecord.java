package io.badgeflow.model.command;

import io.badgeflow.model.RejectionReason;
import java.time.Instant;
import java.util.Objects;

/**
 * What the command log keeps of one finished command: enough for {@code GET /api/v1/commands/{id}}, for an
 * employee's or a card's history, and for recognising a redelivery. {@code type} and {@code actor} are unknown
 * when the document could not be read.
 *
 * @param employeeId the employee the command concerned, when there is one
 * @param subjectId the card, building or door the command concerned, when there is one
 * @param acceptedAt when the back office accepted the command (its {@code occurredAt}); null when the document
 *     could not be read, and in rows written before it was kept. The decision path measures time-to-revoke and the
 *     command's apply latency from it.
 */
public record CommandRecord(
        String commandId,
        String type,
        String actor,
        CommandStatus status,
        RejectionReason reason,
        String message,
        String employeeId,
        String subjectId,
        String documentKey,
        Instant finishedAt,
        Instant acceptedAt) {

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

    /** A record whose acceptance time is not known. */
    public CommandRecord(
            String commandId,
            String type,
            String actor,
            CommandStatus status,
            RejectionReason reason,
            String message,
            String employeeId,
            String subjectId,
            String documentKey,
            Instant finishedAt) {
        this(commandId, type, actor, status, reason, message, employeeId, subjectId, documentKey, finishedAt, null);
    }

    /** An applied command's record; its {@code message} is the command's {@link Command#note() note}, if any. */
    public static CommandRecord applied(
            Command command, String employeeId, String subjectId, String documentKey, Instant finishedAt) {
        return new CommandRecord(
                command.commandId(),
                command.type(),
                command.actor(),
                CommandStatus.APPLIED,
                null,
                command.note(),
                employeeId,
                subjectId,
                documentKey,
                finishedAt,
                command.occurredAt());
    }

    public static CommandRecord rejected(
            Command command,
            RejectionReason reason,
            String message,
            String employeeId,
            String subjectId,
            String documentKey,
            Instant finishedAt) {
        return new CommandRecord(
                command.commandId(),
                command.type(),
                command.actor(),
                CommandStatus.REJECTED,
                reason,
                message,
                employeeId,
                subjectId,
                documentKey,
                finishedAt,
                command.occurredAt());
    }

    /** A document that could not be read as a command: rejected for good, the raw document stays where it was. */
    public static CommandRecord unreadable(
            String commandId, RejectionReason reason, String message, String documentKey, Instant finishedAt) {
        return new CommandRecord(
                commandId, null, null, CommandStatus.REJECTED, reason, message, null, null, documentKey, finishedAt);
    }
}
