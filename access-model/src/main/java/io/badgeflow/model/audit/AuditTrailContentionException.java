package io.badgeflow.model.audit;

/**
 * An append lost the race for the chain head more often than the adapter retries. Transient: the caller may
 * retry the whole append later (it is idempotent per block id), e.g. by leaving the message on its queue.
 */
public final class AuditTrailContentionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AuditTrailContentionException(String message) {
        super(message);
    }
}
