package io.badgeflow.model.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One link of the admin audit chain: the entries of one append (a command, or a batch of an import), the hash of
 * the block before it and its own hash. A block is built by {@link AuditChain#next} and read back as stored; its
 * constructor checks shape only, never the hash, so that a tampered block can still be read and reported by
 * {@link AuditVerifier}.
 */
public record AuditBlock(
        long sequence, String blockId, List<AuditEntry> entries, Instant appendedAt, String previousHash, String hash) {

    /** At most this many entries in one block: one import batch, and well under DynamoDB's 400 KB item limit. */
    public static final int MAX_ENTRIES = 500;

    private static final Pattern BLOCK_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,255}");

    public AuditBlock {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
        requireBlockId(blockId);
        Objects.requireNonNull(entries, "entries");
        if (entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("a block holds 1 to " + MAX_ENTRIES + " entries");
        }
        entries = List.copyOf(entries);
        appendedAt = Objects.requireNonNull(appendedAt, "appendedAt").truncatedTo(ChronoUnit.MILLIS);
        AuditChain.requireHash("previousHash", previousHash);
        AuditChain.requireHash("hash", hash);
    }

    /**
     * The idempotency key of an append: 1-256 letters, digits or {@code . _ : -}, such as a command id or
     * {@code import:<importId>:<batch>}.
     */
    public static String requireBlockId(String blockId) {
        if (blockId == null || !BLOCK_ID.matcher(blockId).matches()) {
            throw new IllegalArgumentException("blockId must be 1-256 letters, digits or . _ : -");
        }
        return blockId;
    }
}
