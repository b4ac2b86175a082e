package io.badgeflow.model.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The hashing of the admin audit chain. A block's hash is the lowercase hex SHA-256 of a canonical byte string
 * that covers every stored field of the block and of its entries, including the previous block's hash, so that
 * changing, removing or reordering anything breaks a link an independent verifier can recompute. The encoding is
 * length-prefixed, so no choice of field values can make two different blocks serialize alike:
 *
 * <pre>
 * block   = str("badgeflow.admin-audit.v1")
 *           i64(sequence) str(blockId) i64(appendedAt, epoch milliseconds) str(previousHash)
 *           u32(number of entries) entry...
 * entry   = str(commandId) str(commandType) str(actor) str(status) str(reason) str(subjectId)
 *           i64(finishedAt, epoch milliseconds)
 * str(s)  = u32(length of the UTF-8 bytes of s) followed by those bytes; a null (absent) s is u32(0xFFFFFFFF)
 *           with no bytes, so null and "" differ
 * u32/i64 = 4 / 8 bytes, big-endian, two's complement
 * </pre>
 *
 * {@code status} is the enum name ({@code APPLIED}, {@code REJECTED}). The same definition is in
 * {@code docs/admin-audit.md}, and {@code infra-cloudformation/scripts/admin-audit-verify} implements it in Python.
 */
public final class AuditChain {

    /** Names the encoding version; a changed encoding gets a new tag, never a silent change. */
    public static final String FORMAT = "badgeflow.admin-audit.v1";

    private static final int NULL_LENGTH = 0xFFFFFFFF;

    private AuditChain() {}

    /** The block that follows {@code head}, holding {@code entries}, appended at {@code now}. */
    public static AuditBlock next(ChainHead head, String blockId, List<AuditEntry> entries, Instant now) {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(entries, "entries");
        var sequence = Math.addExact(head.sequence(), 1);
        var appendedAt = Objects.requireNonNull(now, "now").truncatedTo(ChronoUnit.MILLIS);
        AuditBlock.requireBlockId(blockId);
        return new AuditBlock(
                sequence,
                blockId,
                entries,
                appendedAt,
                head.hash(),
                hash(sequence, blockId, appendedAt, head.hash(), entries));
    }

    /** The hash a block should have, recomputed from its fields (its stored {@code hash} is not read). */
    public static String hashOf(AuditBlock block) {
        return hash(block.sequence(), block.blockId(), block.appendedAt(), block.previousHash(), block.entries());
    }

    public static String hash(
            long sequence, String blockId, Instant appendedAt, String previousHash, List<AuditEntry> entries) {
        return HexFormat.of().formatHex(sha256(canonicalBytes(sequence, blockId, appendedAt, previousHash, entries)));
    }

    /** The byte string the hash is taken of, as documented on this class. */
    public static byte[] canonicalBytes(
            long sequence, String blockId, Instant appendedAt, String previousHash, List<AuditEntry> entries) {
        var out = new ByteArrayOutputStream(256 + 128 * entries.size());
        string(out, FORMAT);
        int64(out, sequence);
        string(out, blockId);
        int64(out, appendedAt.toEpochMilli());
        string(out, previousHash);
        int32(out, entries.size());
        for (var entry : entries) {
            string(out, entry.commandId());
            string(out, entry.commandType());
            string(out, entry.actor());
            string(out, entry.status().name());
            string(out, entry.reason());
            string(out, entry.subjectId());
            int64(out, entry.finishedAt().toEpochMilli());
        }
        return out.toByteArray();
    }

    static String requireHash(String field, String value) {
        if (value == null || !value.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(field + " must be 64 lowercase hex digits");
        }
        return value;
    }

    private static void string(ByteArrayOutputStream out, String value) {
        if (value == null) {
            int32(out, NULL_LENGTH);
            return;
        }
        var bytes = value.getBytes(StandardCharsets.UTF_8);
        int32(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void int32(ByteArrayOutputStream out, int value) {
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value).array());
    }

    private static void int64(ByteArrayOutputStream out, long value) {
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
