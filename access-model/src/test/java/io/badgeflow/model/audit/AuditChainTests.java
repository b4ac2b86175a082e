package io.badgeflow.model.audit;

import static io.badgeflow.model.audit.AuditEntries.AT;
import static io.badgeflow.model.audit.AuditEntries.applied;
import static io.badgeflow.model.audit.AuditEntries.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.model.RejectionReason;
import io.badgeflow.model.command.CommandRecord;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.command.EraseEmployee;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AuditChainTests {

    private static final AuditBlock BLOCK =
            AuditChain.next(ChainHead.GENESIS, "cmd-1", List.of(applied("cmd-1"), rejected("cmd-2")), AT);

    @Test
    void hashesTheDocumentedTestVectorToTheDocumentedHash() {
        // The same vector is in docs/admin-audit.md; the operator script must reproduce it.
        assertThat(BLOCK.hash()).isEqualTo("a2ad90e4452d4151db02661a384c0ef224f82855a6dcfb780766c537322971fd");
    }

    @Test
    void hashesTheSameBlockToTheSameHashEveryTime() {
        var again = AuditChain.next(ChainHead.GENESIS, "cmd-1", List.of(applied("cmd-1"), rejected("cmd-2")), AT);

        assertThat(again.hash()).isEqualTo(BLOCK.hash()).matches("[0-9a-f]{64}");
        assertThat(AuditChain.hashOf(BLOCK)).isEqualTo(BLOCK.hash());
    }

    @Test
    void changesTheHashWhenAnyBlockFieldChanges() {
        var entries = BLOCK.entries();
        var original = BLOCK.hash();

        assertThat(AuditChain.hash(2, "cmd-1", AT, BLOCK.previousHash(), entries))
                .isNotEqualTo(original);
        assertThat(AuditChain.hash(1, "cmd-9", AT, BLOCK.previousHash(), entries))
                .isNotEqualTo(original);
        assertThat(AuditChain.hash(1, "cmd-1", AT.plusMillis(1), BLOCK.previousHash(), entries))
                .isNotEqualTo(original);
        assertThat(AuditChain.hash(1, "cmd-1", AT, "1".repeat(64), entries)).isNotEqualTo(original);
        assertThat(AuditChain.hash(1, "cmd-1", AT, BLOCK.previousHash(), entries.reversed()))
                .isNotEqualTo(original);
        assertThat(AuditChain.hash(1, "cmd-1", AT, BLOCK.previousHash(), entries.subList(0, 1)))
                .isNotEqualTo(original);
    }

    @Test
    void changesTheHashWhenAnyEntryFieldChanges() {
        var e = applied("cmd-1");
        List<UnaryOperator<AuditEntry>> changes = List.of(
                x -> new AuditEntry(
                        "cmd-x", x.commandType(), x.actor(), x.status(), x.reason(), x.subjectId(), x.finishedAt()),
                x -> new AuditEntry(
                        x.commandId(), "IssueCard", x.actor(), x.status(), x.reason(), x.subjectId(), x.finishedAt()),
                x -> new AuditEntry(
                        x.commandId(), null, x.actor(), x.status(), x.reason(), x.subjectId(), x.finishedAt()),
                x -> new AuditEntry(
                        x.commandId(),
                        x.commandType(),
                        "mallory",
                        x.status(),
                        x.reason(),
                        x.subjectId(),
                        x.finishedAt()),
                x -> new AuditEntry(
                        x.commandId(), x.commandType(), null, x.status(), x.reason(), x.subjectId(), x.finishedAt()),
                x -> new AuditEntry(
                        x.commandId(),
                        x.commandType(),
                        x.actor(),
                        CommandStatus.REJECTED,
                        "INVALID_FIELD",
                        x.subjectId(),
                        x.finishedAt()),
                x -> new AuditEntry(
                        x.commandId(), x.commandType(), x.actor(), x.status(), x.reason(), "emp-2", x.finishedAt()),
                x -> new AuditEntry(
                        x.commandId(), x.commandType(), x.actor(), x.status(), x.reason(), null, x.finishedAt()),
                x -> new AuditEntry(
                        x.commandId(),
                        x.commandType(),
                        x.actor(),
                        x.status(),
                        x.reason(),
                        x.subjectId(),
                        x.finishedAt().plusMillis(1)));
        var original = AuditChain.hash(1, "b", AT, ChainHead.GENESIS.hash(), List.of(e));

        var hashes = new ArrayList<String>();
        for (var change : changes) {
            hashes.add(AuditChain.hash(1, "b", AT, ChainHead.GENESIS.hash(), List.of(change.apply(e))));
        }

        assertThat(hashes).doesNotContain(original).doesNotHaveDuplicates();
    }

    @Test
    void tellsAnAbsentFieldFromAnEmptyOneAndKeepsFieldBoundaries() {
        var absent = new AuditEntry("c", null, "ab", CommandStatus.APPLIED, null, null, AT);
        var empty = new AuditEntry("c", "", "ab", CommandStatus.APPLIED, null, null, AT);
        var shifted = new AuditEntry("c", "a", "b", CommandStatus.APPLIED, null, null, AT);
        var shiftedBack = new AuditEntry("c", "ab", "", CommandStatus.APPLIED, null, null, AT);

        var hashes = List.of(absent, empty, shifted, shiftedBack).stream()
                .map(entry -> AuditChain.hash(1, "b", AT, ChainHead.GENESIS.hash(), List.of(entry)))
                .toList();

        assertThat(hashes).doesNotHaveDuplicates();
    }

    @Test
    void startsTheChainAtSequenceOneAfterTheGenesisHash() {
        assertThat(BLOCK.sequence()).isEqualTo(1);
        assertThat(BLOCK.previousHash()).isEqualTo("0".repeat(64));
        assertThat(BLOCK.appendedAt()).isEqualTo(AT);
    }

    @Test
    void linksTheNextBlockToTheHead() {
        var next = AuditChain.next(ChainHead.of(BLOCK), "cmd-3", List.of(applied("cmd-3")), AT.plusSeconds(1));

        assertThat(next.sequence()).isEqualTo(2);
        assertThat(next.previousHash()).isEqualTo(BLOCK.hash());
        assertThat(next.hash()).isEqualTo(AuditChain.hashOf(next)).isNotEqualTo(BLOCK.hash());
    }

    @Test
    void keepsTimesToTheMillisecondBecauseTheHashCoversEpochMilliseconds() {
        var precise = Instant.parse("2026-11-24T08:00:00.123456789Z");

        var block = AuditChain.next(
                ChainHead.GENESIS,
                "cmd-1",
                List.of(new AuditEntry(
                        "cmd-1", null, null, CommandStatus.REJECTED, "MALFORMED_COMMAND", null, precise)),
                precise);

        assertThat(block.appendedAt()).isEqualTo(Instant.parse("2026-11-24T08:00:00.123Z"));
        assertThat(block.entries().getFirst().finishedAt()).isEqualTo(Instant.parse("2026-11-24T08:00:00.123Z"));
    }

    @Test
    void refusesAnEmptyOrOversizedBlockAndAMalformedBlockId() {
        var tooMany = Collections.nCopies(AuditBlock.MAX_ENTRIES + 1, applied("c"));

        assertThatThrownBy(() -> AuditChain.next(ChainHead.GENESIS, "b", List.of(), AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditChain.next(ChainHead.GENESIS, "b", tooMany, AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditChain.next(ChainHead.GENESIS, "block#1", List.of(applied("c")), AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recordsAFinishedCommandWithItsSubject() {
        var finished = new CommandRecord(
                "cmd-7",
                "RegisterEmployee",
                "hr-admin",
                CommandStatus.REJECTED,
                RejectionReason.EMPLOYEE_ALREADY_EXISTS,
                "taken",
                "emp-7",
                null,
                "commands/cmd-7.json",
                AT);

        var entry = AuditEntry.of(finished);

        assertThat(entry)
                .isEqualTo(new AuditEntry(
                        "cmd-7",
                        "RegisterEmployee",
                        "hr-admin",
                        CommandStatus.REJECTED,
                        "EMPLOYEE_ALREADY_EXISTS",
                        "emp-7",
                        AT));
    }

    @Test
    void refusesAnEntryThatIsPendingOrRejectedWithoutAReason() {
        assertThatThrownBy(() -> new AuditEntry("c", null, null, CommandStatus.PENDING, null, null, AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditEntry("c", null, null, CommandStatus.REJECTED, null, null, AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsTheNoteOfAnAppliedCommandAsItsReason() {
        var command = new EraseEmployee("cmd-e", "admin-sub", AT, "emp-1", "retention of 365 days passed");

        var entry = AuditEntry.of(CommandRecord.applied(command, "emp-1", null, "k", AT));

        assertThat(entry.status()).isEqualTo(CommandStatus.APPLIED);
        assertThat(entry.reason()).isEqualTo("retention of 365 days passed");
        assertThat(entry.subjectId()).isEqualTo("emp-1");
        var withoutNote =
                new AuditEntry("cmd-e", "EraseEmployee", "admin-sub", CommandStatus.APPLIED, null, "emp-1", AT);
        assertThat(AuditChain.next(ChainHead.GENESIS, "cmd-e", List.of(entry), AT)
                        .hash())
                .isNotEqualTo(AuditChain.next(ChainHead.GENESIS, "cmd-e", List.of(withoutNote), AT)
                        .hash());
    }
}
