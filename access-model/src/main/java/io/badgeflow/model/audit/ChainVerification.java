package io.badgeflow.model.audit;

import java.util.Objects;

/** What checking the admin audit chain found: intact up to its head, or the first broken link. */
public sealed interface ChainVerification {

    boolean intact();

    /** Why a link is broken. Codes are part of the API contract: add, never rename. */
    enum Problem {
        /** The block's stored hash is not the hash of its fields: the block was changed. */
        HASH_MISMATCH,
        /** The block's {@code previousHash} is not the hash of the block before it. */
        PREVIOUS_HASH_MISMATCH,
        /** A block is missing (deleted), or a block sits at a sequence it does not belong to. */
        SEQUENCE_GAP,
        /** The chain's last block does not match the head, blocks exist without a head, or the head is unreadable (sequence 0). */
        HEAD_MISMATCH,
        /** A stored block cannot be read as a block at all (missing or malformed attributes). */
        UNREADABLE_BLOCK
    }

    /** Every block from 1 to the head links to the one before it and hashes to its stored hash. */
    record Intact(long blocksChecked, long headSequence, String headHash) implements ChainVerification {
        public Intact {
            Objects.requireNonNull(headHash, "headHash");
        }

        @Override
        public boolean intact() {
            return true;
        }
    }

    /** The first link that does not hold; {@code blockId} is null when there is no block at that sequence. */
    record Broken(long sequence, String blockId, Problem problem, String message) implements ChainVerification {
        public Broken {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public boolean intact() {
            return false;
        }
    }
}
