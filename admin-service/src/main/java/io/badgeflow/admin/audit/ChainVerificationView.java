package io.badgeflow.admin.audit;

import io.badgeflow.model.audit.ChainVerification;

/**
 * What {@code GET /api/v1/admin-audit/verify} found: {@code intact} tells the two shapes apart. Intact: how many
 * blocks were checked and the head's sequence and hash (record it outside the table to compare later). Broken:
 * the first broken link, with a problem code from {@link ChainVerification.Problem}.
 */
public sealed interface ChainVerificationView {

    boolean intact();

    static ChainVerificationView of(ChainVerification verification) {
        return switch (verification) {
            case ChainVerification.Intact ok -> new Intact(true, ok.blocksChecked(), ok.headSequence(), ok.headHash());
            case ChainVerification.Broken broken ->
                new Broken(false, broken.sequence(), broken.blockId(), broken.problem(), broken.message());
        };
    }

    /** The chain holds from block 1 to the head. */
    record Intact(boolean intact, long blocksChecked, long headSequence, String headHash)
            implements ChainVerificationView {}

    /** The first link that does not hold; {@code blockId} is null when no block is stored at {@code sequence}. */
    record Broken(boolean intact, long sequence, String blockId, ChainVerification.Problem problem, String message)
            implements ChainVerificationView {}
}
