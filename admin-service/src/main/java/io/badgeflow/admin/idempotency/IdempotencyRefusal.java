package io.badgeflow.admin.idempotency;

import java.time.Instant;
import java.util.Objects;

/**
 * A request refused because its {@code Idempotency-Key} was claimed by a different request: what an operator needs
 * to see it (who, which key holder, which two requests), never the bodies themselves, only their hashes.
 *
 * @param refusalId a fresh id of this refusal
 * @param claimId the claimed key (caller and key together), as in {@link IdempotentRequest#id()}
 * @param actor the caller's token subject
 * @param commandId the command the key holds
 * @param heldRequest the fingerprint of the request that claimed the key (method, path, body hash)
 * @param refusedRequest the fingerprint of the request refused now
 */
public record IdempotencyRefusal(
        String refusalId,
        String claimId,
        String actor,
        String commandId,
        String heldRequest,
        String refusedRequest,
        Instant refusedAt) {

    public IdempotencyRefusal {
        Objects.requireNonNull(refusalId, "refusalId");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(heldRequest, "heldRequest");
        Objects.requireNonNull(refusedRequest, "refusedRequest");
        Objects.requireNonNull(refusedAt, "refusedAt");
    }
}
