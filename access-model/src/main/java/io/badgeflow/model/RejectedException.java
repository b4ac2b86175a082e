package io.badgeflow.model;

import java.util.Objects;

/** A business rule refused the command: final, recorded as REJECTED with this reason, never retried. */
public final class RejectedException extends RuntimeException {

    private final RejectionReason reason;

    public RejectedException(RejectionReason reason, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public RejectionReason reason() {
        return reason;
    }
}
