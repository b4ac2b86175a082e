package io.badgeflow.model.backoffice;

/**
 * A command that cannot be decided yet because a record it names has not arrived: a transient failure, so the
 * delivery is retried rather than the command rejected.
 */
public final class CommandDeferredException extends RuntimeException {

    public CommandDeferredException(String message) {
        super(message);
    }
}
