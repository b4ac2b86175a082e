package io.badgeflow.admin.idempotency;

/**
 * The caller sent an {@code Idempotency-Key} it already used for a different request (another endpoint or another
 * body): answering with the earlier command would be wrong, and so would making a second one.
 */
public final class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super(
                "This Idempotency-Key was already used for a different request; use a new key for a new request.",
                null,
                false,
                false);
    }
}
