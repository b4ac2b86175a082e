package io.badgeflow.admin.command;

import io.badgeflow.admin.people.PeopleNames;
import io.badgeflow.model.command.CommandRecord;
import io.badgeflow.model.command.CommandStatus;
import java.time.Instant;
import java.util.List;

/**
 * The API's view of one command: where it stands and, when REJECTED, the reason code a program can act on and a
 * message a person can read; who submitted it ({@code actor}, the token subject, and {@code actorName}) and the
 * number and name of the employee it concerns, when it concerns one still on record.
 */
public record CommandView(
        String commandId,
        String type,
        CommandStatus status,
        String reason,
        String message,
        String employeeId,
        String employeeNumber,
        String givenName,
        String familyName,
        String subjectId,
        String actor,
        String actorName,
        Instant finishedAt) {

    public static CommandView of(CommandRecord record, PeopleNames.Known names) {
        return new CommandView(
                record.commandId(),
                record.type(),
                record.status(),
                record.reason() == null ? null : record.reason().name(),
                record.message(),
                record.employeeId(),
                names.employeeNumber(record.employeeId()),
                names.givenName(record.employeeId()),
                names.familyName(record.employeeId()),
                record.subjectId(),
                record.actor(),
                names.staffName(record.actor()),
                record.finishedAt());
    }

    /** The views of these commands, with the names joined: one batch read of employees, cached user names. */
    public static List<CommandView> of(List<CommandRecord> records, PeopleNames people) {
        var names = people.of(
                records.stream().map(CommandRecord::employeeId).toList(),
                records.stream().map(CommandRecord::actor).toList());
        return records.stream().map(record -> of(record, names)).toList();
    }

    static CommandView pending(String commandId) {
        return new CommandView(
                commandId, null, CommandStatus.PENDING, null, null, null, null, null, null, null, null, null, null);
    }
}
