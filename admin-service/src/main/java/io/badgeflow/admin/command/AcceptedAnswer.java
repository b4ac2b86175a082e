package io.badgeflow.admin.command;

/**
 * The body of a 202: the command to follow, and what the caller needs to know of it at once. A retry with the
 * same {@code Idempotency-Key} is told {@link #forRetry()}, which leaves out what may be shown only once.
 */
public interface AcceptedAnswer {

    String commandId();

    /** What a retry of the same request is told; the same answer unless it holds a secret. */
    default AcceptedAnswer forRetry() {
        return this;
    }
}
