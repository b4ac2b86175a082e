package io.badgeflow.admin.audit;

import io.badgeflow.admin.people.ErasedPeople;
import io.badgeflow.admin.people.PeopleNames;
import io.badgeflow.model.audit.AuditBlock;
import io.badgeflow.model.audit.AuditEntry;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.employee.Employee;
import java.time.Instant;
import java.util.List;

/**
 * One block of the admin audit chain as stored: its link ({@code previousHash}, {@code hash}) and its entries,
 * each with the name of who acted and, when the subject is an employee, the employee's name and number.
 */
public record AuditBlockView(
        long sequence, String blockId, Instant appendedAt, String hash, String previousHash, List<EntryView> entries) {

    static AuditBlockView of(AuditBlock block, PeopleNames.Known names) {
        return new AuditBlockView(
                block.sequence(),
                block.blockId(),
                block.appendedAt(),
                block.hash(),
                block.previousHash(),
                block.entries().stream()
                        .map(entry -> EntryView.of(entry, names))
                        .toList());
    }

    /**
     * One finished command: who ({@code actor}, the token subject; {@code actorName}), what, on which subject
     * ({@code subjectName}: "Given Family (number)" when the subject is an employee on record), when, and with which
     * result.
     */
    public record EntryView(
            String commandId,
            String commandType,
            String actor,
            String actorName,
            CommandStatus status,
            String reason,
            String subjectId,
            String subjectName,
            Instant finishedAt) {

        static EntryView of(AuditEntry entry, PeopleNames.Known names) {
            return new EntryView(
                    entry.commandId(),
                    entry.commandType(),
                    entry.actor(),
                    names.staffName(entry.actor()),
                    entry.status(),
                    entry.reason(),
                    entry.subjectId(),
                    names.employee(entry.subjectId()).map(EntryView::label).orElse(null),
                    entry.finishedAt());
        }

        private static String label(Employee employee) {
            return ErasedPeople.fullName(employee) + " (" + employee.employeeNumber() + ")";
        }
    }
}
