package io.badgeflow.model.audit;

import java.util.List;

/**
 * Port: the tamper-evident record of every applied or rejected command, a hash chain of blocks. Appends are
 * idempotent per block id, so an at-least-once delivery that appends twice leaves one block.
 */
public interface AdminAuditTrail {

    /**
     * Appends one block holding {@code entries} (1 to {@link AuditBlock#MAX_ENTRIES}) at the end of the chain.
     *
     * @param blockId the idempotency key of this append, such as the command id or {@code import:<id>:<batch>}
     * @return true if the block was appended now, false if a block with this id was appended before
     * @throws AuditTrailContentionException if other writers kept winning the chain head; retry the append later
     */
    boolean append(String blockId, List<AuditEntry> entries);

    /** Recomputes the chain from block 1 to the head and reports the first broken link, if any. */
    ChainVerification verify();

    /** The newest blocks, newest first, at most {@code limit} (1 to 100). */
    List<AuditBlock> latest(int limit);
}
