package io.badgeflow.model.audit;

import java.util.Objects;

/**
 * The end of the chain: the sequence and hash of the newest block. Every append moves it with a conditional
 * write, which is what keeps the chain linear under concurrent writers. {@link #GENESIS} is the head of an empty
 * chain, whose hash is the first block's {@code previousHash}.
 */
public record ChainHead(long sequence, String hash) {

    public static final ChainHead GENESIS = new ChainHead(0, "0".repeat(64));

    public ChainHead {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
        AuditChain.requireHash("hash", hash);
    }

    public static ChainHead of(AuditBlock block) {
        Objects.requireNonNull(block, "block");
        return new ChainHead(block.sequence(), block.hash());
    }
}
