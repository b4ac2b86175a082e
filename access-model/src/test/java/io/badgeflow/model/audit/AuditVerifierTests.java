package io.badgeflow.model.audit;

import static io.badgeflow.model.audit.AuditEntries.applied;
import static io.badgeflow.model.audit.AuditEntries.chain;
import static io.badgeflow.model.audit.AuditEntries.headOf;
import static io.badgeflow.model.audit.AuditEntries.stream;
import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.model.audit.ChainVerification.Broken;
import io.badgeflow.model.audit.ChainVerification.Intact;
import io.badgeflow.model.audit.ChainVerification.Problem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditVerifierTests {

    @Test
    void findsAnIntactChainIntactUpToItsHead() {
        var blocks = chain(5);

        var result = AuditVerifier.verify(Optional.of(headOf(blocks)), stream(blocks));

        assertThat(result).isEqualTo(new Intact(5, 5, blocks.getLast().hash()));
    }

    @Test
    void findsAnEmptyChainWithoutAHeadIntact() {
        var result = AuditVerifier.verify(Optional.empty(), stream(List.of()));

        assertThat(result).isEqualTo(new Intact(0, 0, ChainHead.GENESIS.hash()));
    }

    @Test
    void reportsAnAlteredEntryAsAHashMismatchAtItsBlock() {
        var blocks = new ArrayList<>(chain(5));
        var original = blocks.get(2);
        var altered = applied("cmd-3");
        blocks.set(
                2,
                new AuditBlock(
                        original.sequence(),
                        original.blockId(),
                        List.of(new AuditEntry(
                                altered.commandId(),
                                altered.commandType(),
                                "mallory",
                                altered.status(),
                                altered.reason(),
                                altered.subjectId(),
                                altered.finishedAt())),
                        original.appendedAt(),
                        original.previousHash(),
                        original.hash()));

        var result = AuditVerifier.verify(Optional.of(headOf(blocks)), stream(blocks));

        assertThat(result).isInstanceOfSatisfying(Broken.class, broken -> {
            assertThat(broken.sequence()).isEqualTo(3);
            assertThat(broken.blockId()).isEqualTo("cmd-3");
            assertThat(broken.problem()).isEqualTo(Problem.HASH_MISMATCH);
        });
    }

    @Test
    void reportsARehashedBlockAtTheNextBlockWhosePreviousHashNoLongerMatches() {
        var blocks = new ArrayList<>(chain(5));
        var original = blocks.get(1);
        var entries = List.of(applied("forged"));
        blocks.set(
                1,
                new AuditBlock(
                        2,
                        original.blockId(),
                        entries,
                        original.appendedAt(),
                        original.previousHash(),
                        AuditChain.hash(
                                2, original.blockId(), original.appendedAt(), original.previousHash(), entries)));

        var result = AuditVerifier.verify(Optional.of(headOf(blocks)), stream(blocks));

        assertThat(result).extracting("sequence", "problem").containsExactly(3L, Problem.PREVIOUS_HASH_MISMATCH);
    }

    @Test
    void reportsAnAlteredPreviousHashAtThatBlock() {
        var blocks = new ArrayList<>(chain(4));
        var original = blocks.get(3);
        blocks.set(
                3,
                new AuditBlock(
                        4,
                        original.blockId(),
                        original.entries(),
                        original.appendedAt(),
                        "f".repeat(64),
                        original.hash()));

        var result = AuditVerifier.verify(Optional.of(headOf(blocks)), stream(blocks));

        assertThat(result)
                .extracting("sequence", "blockId", "problem")
                .containsExactly(4L, "cmd-4", Problem.PREVIOUS_HASH_MISMATCH);
    }

    @Test
    void reportsADeletedBlockAsAGapAtItsSequence() {
        var blocks = new ArrayList<>(chain(5));
        blocks.remove(1);

        var result = AuditVerifier.verify(Optional.of(headOf(blocks)), stream(blocks));

        assertThat(result).extracting("sequence", "blockId", "problem").containsExactly(2L, null, Problem.SEQUENCE_GAP);
    }

    @Test
    void reportsDeletedLastBlocksAsAGapBeforeTheHead() {
        var blocks = chain(5);
        var head = headOf(blocks);

        var result = AuditVerifier.verify(Optional.of(head), stream(blocks.subList(0, 3)));

        assertThat(result).extracting("sequence", "problem").containsExactly(4L, Problem.SEQUENCE_GAP);
    }

    @Test
    void reportsAHeadThatDoesNotMatchTheLastBlock() {
        var blocks = chain(3);

        var result = AuditVerifier.verify(Optional.of(new ChainHead(3, "a".repeat(64))), stream(blocks));

        assertThat(result).extracting("sequence", "problem").containsExactly(3L, Problem.HEAD_MISMATCH);
    }

    @Test
    void reportsBlocksWithoutAHeadAsAHeadMismatch() {
        var result = AuditVerifier.verify(Optional.empty(), stream(chain(2)));

        assertThat(result).extracting("sequence", "problem").containsExactly(1L, Problem.HEAD_MISMATCH);
    }

    @Test
    void ignoresBlocksAppendedAfterTheHeadWasRead() {
        var blocks = chain(4);
        var headWhenRead = ChainHead.of(blocks.get(1));

        var result = AuditVerifier.verify(Optional.of(headWhenRead), stream(blocks));

        assertThat(result).isEqualTo(new Intact(2, 2, blocks.get(1).hash()));
    }

    @Test
    void reportsAnUnreadableBlockInsteadOfFailing() {
        var blocks = chain(3);
        Iterator<AuditBlock> storedBlocks = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < blocks.size();
            }

            @Override
            public AuditBlock next() {
                if (next == 1) {
                    next++;
                    throw new UnreadableAuditBlockException(2, "cmd-2", "status is not a command status", null);
                }
                return blocks.get(next++);
            }
        };

        var result = AuditVerifier.verify(Optional.of(headOf(blocks)), storedBlocks);

        assertThat(result)
                .extracting("sequence", "blockId", "problem")
                .containsExactly(2L, "cmd-2", Problem.UNREADABLE_BLOCK);
    }

    @Test
    void readsTheBlocksOneAtATime() {
        var blocks = chain(3);
        var handedOut = new ArrayList<Long>();
        var source = blocks.iterator();
        Iterator<AuditBlock> counting = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public AuditBlock next() {
                var block = source.next();
                handedOut.add(block.sequence());
                return block;
            }
        };

        AuditVerifier.verify(Optional.of(headOf(blocks)), counting);

        assertThat(handedOut).containsExactly(1L, 2L, 3L);
    }
}
