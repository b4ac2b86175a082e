package io.badgeflow.model.audit;

/**
 * Thrown by an adapter's block iterator when a stored block cannot be mapped to an {@link AuditBlock}; the
 * verifier reports it as {@link ChainVerification.Problem#UNREADABLE_BLOCK} instead of failing, because a
 * tampered attribute is exactly what it is there to find.
 */
public final class UnreadableAuditBlockException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long sequence;
    private final String blockId;

    public UnreadableAuditBlockException(long sequence, String blockId, String problem, Throwable cause) {
        super("block " + sequence + " cannot be read: " + problem, cause);
        this.sequence = sequence;
        this.blockId = blockId;
    }

    public long sequence() {
        return sequence;
    }

    public String blockId() {
        return blockId;
    }
}
