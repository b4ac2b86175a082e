package io.badgeflow.accessstream.swipe;

/**
 * The door event stream did not take the event. The device keeps it and retries with the same event id, which
 * the consumer stores once.
 */
public final class StreamUnavailableException extends RuntimeException {

    public StreamUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
