package io.badgeflow.model.audit;

import io.badgeflow.model.command.CommandStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Test data for the audit chain: entries, and chains built through {@link AuditChain#next}. */
final class AuditEntries {

    static final Instant AT = Instant.parse("2026-11-24T08:00:00Z");

    private AuditEntries() {}

    static AuditEntry applied(String commandId) {
        return new AuditEntry(commandId, "RegisterEmployee", "hr-admin", CommandStatus.APPLIED, null, "emp-1", AT);
    }

    static AuditEntry rejected(String commandId) {
        return new AuditEntry(
                commandId, null, null, CommandStatus.REJECTED, "MALFORMED_COMMAND", null, AT.plusMillis(250));
    }

    /** A chain of {@code length} blocks, one entry each, block ids {@code cmd-1}, {@code cmd-2}, ... */
    static List<AuditBlock> chain(int length) {
        var blocks = new ArrayList<AuditBlock>();
        var head = ChainHead.GENESIS;
        for (var i = 1; i <= length; i++) {
            var block = AuditChain.next(head, "cmd-" + i, List.of(applied("cmd-" + i)), AT.plusSeconds(i));
            blocks.add(block);
            head = ChainHead.of(block);
        }
        return blocks;
    }

    static ChainHead headOf(List<AuditBlock> blocks) {
        return ChainHead.of(blocks.getLast());
    }

    /** The blocks one at a time, as a store hands them out. */
    static Iterator<AuditBlock> stream(List<AuditBlock> blocks) {
        return List.copyOf(blocks).iterator();
    }
}
