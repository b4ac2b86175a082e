package io.badgeflow.admin.audit;

import io.badgeflow.model.audit.AuditBlock;
import io.badgeflow.model.audit.AuditEntry;
import io.badgeflow.model.command.CommandStatus;
import java.time.Instant;
import java.util.List;

/** One block of the admin audit chain as stored: its link ({@code previousHash}, {@code hash}) and its entries. */
public record AuditBlockView(
        long sequence, String blockId, Instant appendedAt, String hash, String previousHash, List<EntryView> entries) {

    static AuditBlockView of(AuditBlock block) {
        return new AuditBlockView(
                block.sequence(),
                block.blockId(),
                block.appendedAt(),
                block.hash(),
                block.previousHash(),
                block.entries().stream().map(EntryView::of).toList());
    }

    /** One finished command: who, what, on which subject, when, and with which result. */
    public record EntryView(
            String commandId,
            String commandType,
            String actor,
            CommandStatus status,
            String reason,
            String subjectId,
            Instant finishedAt) {

        static EntryView of(AuditEntry entry) {
            return new EntryView(
                    entry.commandId(),
                    entry.commandType(),
                    entry.actor(),
                    entry.status(),
                    entry.reason(),
                    entry.subjectId(),
                    entry.finishedAt());
        }
    }
}
