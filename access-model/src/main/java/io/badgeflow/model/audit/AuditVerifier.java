package io.badgeflow.model.audit;

import io.badgeflow.model.audit.ChainVerification.Broken;
import io.badgeflow.model.audit.ChainVerification.Intact;
import io.badgeflow.model.audit.ChainVerification.Problem;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;

/**
 * Walks the admin audit chain from block 1 to the head and reports the first link that does not hold. Blocks
 * come one at a time in sequence order, so a chain of any length is checked without holding it in memory.
 * Blocks after the head are not checked: they were appended after the head was read.
 */
public final class AuditVerifier {

    private AuditVerifier() {}

    /**
     * @param head the stored chain head, empty when nothing was ever appended
     * @param blocks the stored blocks in ascending sequence order; may throw {@link UnreadableAuditBlockException}
     */
    public static ChainVerification verify(Optional<ChainHead> head, Iterator<AuditBlock> blocks) {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(blocks, "blocks");
        var last = head.map(ChainHead::sequence).orElse(0L);
        var expected = 1L;
        var previousHash = ChainHead.GENESIS.hash();
        while (blocks.hasNext()) {
            AuditBlock block;
            try {
                block = blocks.next();
            } catch (UnreadableAuditBlockException unreadable) {
                if (head.isPresent() && unreadable.sequence() > last) {
                    break;
                }
                if (head.isPresent() && unreadable.sequence() > expected) {
                    return missing(expected, unreadable.sequence());
                }
                return new Broken(
                        unreadable.sequence(),
                        unreadable.blockId(),
                        head.isEmpty() ? Problem.HEAD_MISMATCH : Problem.UNREADABLE_BLOCK,
                        unreadable.getMessage());
            }
            if (head.isEmpty()) {
                return new Broken(
                        block.sequence(),
                        block.blockId(),
                        Problem.HEAD_MISMATCH,
                        "block " + block.sequence() + " exists but the chain has no head");
            }
            if (block.sequence() > last) {
                break;
            }
            if (block.sequence() > expected) {
                return missing(expected, block.sequence());
            }
            if (block.sequence() < expected) {
                return new Broken(
                        block.sequence(),
                        block.blockId(),
                        Problem.SEQUENCE_GAP,
                        "block " + block.sequence() + " came again after block " + (expected - 1));
            }
            if (!block.previousHash().equals(previousHash)) {
                return new Broken(
                        block.sequence(),
                        block.blockId(),
                        Problem.PREVIOUS_HASH_MISMATCH,
                        "previousHash " + block.previousHash() + " is not the hash of block " + (expected - 1) + ", "
                                + previousHash);
            }
            var recomputed = AuditChain.hashOf(block);
            if (!recomputed.equals(block.hash())) {
                return new Broken(
                        block.sequence(),
                        block.blockId(),
                        Problem.HASH_MISMATCH,
                        "stored hash " + block.hash() + " but the block's fields hash to " + recomputed);
            }
            previousHash = block.hash();
            expected++;
        }
        if (head.isEmpty()) {
            return new Intact(0, 0, ChainHead.GENESIS.hash());
        }
        if (expected <= last) {
            return new Broken(
                    expected,
                    null,
                    Problem.SEQUENCE_GAP,
                    "block " + expected + " is missing; the head says the chain reaches block " + last);
        }
        if (!previousHash.equals(head.get().hash())) {
            return new Broken(
                    last,
                    null,
                    Problem.HEAD_MISMATCH,
                    "the head holds hash " + head.get().hash() + " but block " + last + " hashes to " + previousHash);
        }
        return new Intact(expected - 1, last, previousHash);
    }

    private static Broken missing(long expected, long found) {
        return new Broken(
                expected,
                null,
                Problem.SEQUENCE_GAP,
                "block " + expected + " is missing; the next stored block is " + found);
    }
}
